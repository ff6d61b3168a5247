// E-mail addresses as StretchPlan accepts them: a plain ASCII "local@domain" (RFC 5321
// dot-atom local part, a DNS domain with at least one dot, or an address literal is not
// taken). Quoted local parts, comments and internationalised addresses are refused on
// purpose: they are rare in patients' addresses and common in injection attempts.
#pragma once

#include <string>
#include <string_view>

namespace sp::mail {

// Why the address is not usable ("has no @", ...), or an empty string when it is fine.
std::string addressProblem(std::string_view address);
inline bool isValidAddress(std::string_view address) { return addressProblem(address).empty(); }

// Throws MailError "<what> "<address>" is not a usable e-mail address: <why>".
void requireAddress(std::string_view address, const std::string& what);

// The part after the @ (the address must be valid).
std::string addressDomain(std::string_view address);

} // namespace sp::mail
