#include "mail/Address.h"

#include "mail/MailError.h"

#include <cctype>

namespace sp::mail {
namespace {

// RFC 5322 atext: letters, digits and these.
bool isAtext(char c)
{
    static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~";
    const auto u = static_cast<unsigned char>(c);
    return u < 0x80 && (std::isalnum(u) || kSpecials.find(c) != std::string_view::npos);
}

// "'x'", or "a space or control character" for what would not show in a message.
std::string describeChar(char c)
{
    const auto u = static_cast<unsigned char>(c);
    return u < 0x21 || u == 0x7f ? "a space or control character" : "'" + std::string(1, c) + "'";
}

std::string localPartProblem(std::string_view local)
{
    if (local.empty())
        return "nothing before the @";
    if (local.size() > 64)
        return "the part before the @ is longer than 64 characters";
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return "a dot at the start or end of the name, or two dots in a row";
    for (char c : local)
        if (c != '.' && !isAtext(c))
            return describeChar(c) + " is not allowed before the @";
    return {};
}

std::string domainProblem(std::string_view domain)
{
    if (domain.empty())
        return "nothing after the @";
    if (domain.size() > 253)
        return "the domain is longer than 253 characters";
    if (domain.find('.') == std::string_view::npos)
        return "the domain \"" + std::string(domain) + "\" has no dot";
    std::size_t start = 0;
    while (start <= domain.size()) {
        const std::size_t dot = domain.find('.', start);
        const std::string_view label = domain.substr(start, dot == std::string_view::npos ? dot : dot - start);
        if (label.empty())
            return "the domain has an empty part (two dots in a row, or a dot at an end)";
        if (label.size() > 63)
            return "a part of the domain is longer than 63 characters";
        if (label.front() == '-' || label.back() == '-')
            return "a part of the domain starts or ends with '-'";
        for (char c : label) {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x80)
                return "the domain has non-ASCII characters (write it in its xn-- form)";
            if (!std::isalnum(u) && c != '-')
                return describeChar(c) + " is not allowed in the domain";
        }
        if (dot == std::string_view::npos)
            break;
        start = dot + 1;
    }
    return {};
}

} // namespace

std::string addressProblem(std::string_view address)
{
    if (address.empty())
        return "it is empty";
    if (address.size() > 254)
        return "it is longer than 254 characters";
    const std::size_t at = address.rfind('@');
    if (at == std::string_view::npos)
        return "it has no @";
    if (address.find('@') != at)
        return "it has more than one @";
    if (std::string why = localPartProblem(address.substr(0, at)); !why.empty())
        return why;
    return domainProblem(address.substr(at + 1));
}

void requireAddress(std::string_view address, const std::string& what)
{
    if (const std::string why = addressProblem(address); !why.empty()) {
        std::string shown;
        for (char c : address.substr(0, 80))
            shown += (c == '\r' ? "\\r" : c == '\n' ? "\\n" : std::string(1, c));
        throw MailError(what + " \"" + shown + "\" is not a usable e-mail address: " + why);
    }
}

std::string addressDomain(std::string_view address)
{
    const std::size_t at = address.rfind('@');
    return at == std::string_view::npos ? std::string() : std::string(address.substr(at + 1));
}

} // namespace sp::mail
