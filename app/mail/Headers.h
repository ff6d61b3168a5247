// Header values for a message: checked to be one line (a CR or LF in a subject, name or
// address is how header injection works, so it is refused, never stripped), and encoded
// per RFC 2047 when they are not plain ASCII. We write Q-encoded words ourselves: it is a
// few lines, and curl's MIME API encodes bodies and attachments, not header words.
#pragma once

#include <ctime>
#include <string>
#include <string_view>

namespace sp::mail {

// Throws MailError naming `field` when the value holds a CR, LF or other control
// character, or is not valid UTF-8.
void requireSingleLine(std::string_view field, std::string_view value);

// An unstructured header value (Subject): as is when it is printable ASCII, else
// "=?UTF-8?Q?...?=" words of at most 75 characters, folded onto continuation lines so
// that no line with an encoded word is longer than 76 characters (RFC 2047 section 2).
// `indent` is what precedes the value on the first line: 9 for "Subject: ".
std::string encodeHeaderText(std::string_view utf8, std::size_t indent = 0);

// "Name <address>" for From/To: the name as an atom, a quoted string, or encoded words;
// just "address" when the name is empty. Both must be checked first.
std::string formatMailbox(std::string_view displayName, std::string_view address, std::size_t indent = 0);

// RFC 5322 date in UTC, independent of the locale: "Tue, 24 Nov 2026 09:30:00 +0000".
std::string rfc5322Date(std::time_t when);

// "<32 random hex digits.SECONDS@domain>", unique without any state.
std::string newMessageId(std::string_view domain, std::time_t when);

} // namespace sp::mail
