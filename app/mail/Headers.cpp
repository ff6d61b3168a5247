#include "mail/Headers.h"

#include "mail/MailError.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <random>

namespace sp::mail {
namespace {

constexpr std::size_t kMaxEncodedWordChars = 75;
constexpr std::string_view kWordStart = "=?UTF-8?Q?";
constexpr std::string_view kWordEnd = "?=";

// Length of the UTF-8 sequence starting at text[i], or 0 when it is malformed.
std::size_t sequenceLength(std::string_view text, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(text[i]);
    std::size_t n = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > text.size())
        return 0;
    for (std::size_t k = 1; k < n; ++k)
        if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80)
            return 0;
    return n;
}

bool isPrintableAscii(std::string_view text)
{
    for (char c : text)
        if (c < 0x20 || c > 0x7e)
            return false;
    return true;
}

// RFC 2047 section 5 (3): the only characters that may stand for themselves in a
// Q-encoded word inside a phrase; using this strictest set everywhere keeps one encoder.
bool isQSafe(unsigned char c)
{
    return std::isalnum(c) || c == '!' || c == '*' || c == '+' || c == '-' || c == '/';
}

// Whole UTF-8 characters per word, so a reader never sees half a character.
std::string encodedWords(std::string_view utf8, std::size_t indent)
{
    static constexpr char kHex[] = "0123456789ABCDEF";
    constexpr std::size_t kWrapping = kWordStart.size() + kWordEnd.size();
    constexpr std::size_t kMaxLineChars = kMaxEncodedWordChars + 1; // the folding space
    std::size_t maxPayload = kMaxEncodedWordChars - kWrapping;
    // The first word shares its line with the field name; at least one character fits.
    const std::size_t firstLineRoom = kMaxLineChars > indent + kWrapping ? kMaxLineChars - indent - kWrapping : 0;
    maxPayload = std::max<std::size_t>(12, std::min(maxPayload, firstLineRoom));
    std::string out, word;
    const auto flush = [&] {
        if (word.empty())
            return;
        if (!out.empty())
            out += "\r\n "; // folding: each encoded word on its own line
        out += std::string(kWordStart) + word + std::string(kWordEnd);
        word.clear();
        maxPayload = kMaxEncodedWordChars - kWrapping;
    };
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t n = std::max<std::size_t>(1, sequenceLength(utf8, i));
        std::string piece;
        for (std::size_t k = 0; k < n; ++k) {
            const auto c = static_cast<unsigned char>(utf8[i + k]);
            if (c == ' ')
                piece += '_';
            else if (isQSafe(c))
                piece += static_cast<char>(c);
            else
                piece += {'=', kHex[c >> 4], kHex[c & 0xF]};
        }
        if (word.size() + piece.size() > maxPayload)
            flush();
        word += piece;
        i += n;
    }
    flush();
    return out;
}

bool isAtomText(std::string_view text)
{
    static constexpr std::string_view kSpecials = "!#$%&'*+-/=?^_`{|}~ ";
    for (char c : text)
        if (!std::isalnum(static_cast<unsigned char>(c)) && kSpecials.find(c) == std::string_view::npos)
            return false;
    return !text.empty() && text.front() != ' ' && text.back() != ' ';
}

} // namespace

void requireSingleLine(std::string_view field, std::string_view value)
{
    for (std::size_t i = 0; i < value.size();) {
        const char c = value[i];
        if (c == '\r' || c == '\n')
            throw MailError("the " + std::string(field) +
                            " contains a line break (CR or LF), which could add headers to the message; refused");
        if ((c >= 0 && c < 0x20) || c == 0x7f)
            throw MailError("the " + std::string(field) + " contains a control character; refused");
        const std::size_t n = sequenceLength(value, i);
        if (n == 0)
            throw MailError("the " + std::string(field) + " is not valid UTF-8 text");
        i += n;
    }
}

std::string encodeHeaderText(std::string_view utf8, std::size_t indent)
{
    // "=?" in plain text would be read as the start of an encoded word.
    if (isPrintableAscii(utf8) && utf8.find("=?") == std::string_view::npos && utf8.size() <= 900)
        return std::string(utf8);
    return encodedWords(utf8, indent);
}

std::string formatMailbox(std::string_view displayName, std::string_view address, std::size_t indent)
{
    if (displayName.empty())
        return std::string(address);
    std::string name;
    if (isAtomText(displayName) && displayName.find("=?") == std::string_view::npos) {
        name = displayName;
    } else if (isPrintableAscii(displayName) && displayName.find("=?") == std::string_view::npos) {
        name = "\"";
        for (char c : displayName) {
            if (c == '"' || c == '\\')
                name += '\\';
            name += c;
        }
        name += '"';
    } else {
        name = encodedWords(displayName, indent);
    }
    return name + " <" + std::string(address) + ">";
}

std::string rfc5322Date(std::time_t when)
{
    static constexpr std::array<const char*, 7> kDays{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    std::tm utc{};
    gmtime_r(&when, &utc);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays.at(static_cast<std::size_t>(utc.tm_wday)),
                  utc.tm_mday, kMonths.at(static_cast<std::size_t>(utc.tm_mon)), utc.tm_year + 1900, utc.tm_hour,
                  utc.tm_min, utc.tm_sec);
    return buf;
}

std::string newMessageId(std::string_view domain, std::time_t when)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::random_device random; // the kernel's generator: ids from two processes never collide
    std::string id = "<";
    for (int i = 0; i < 4; ++i) {
        std::uint32_t bits = random();
        for (int k = 0; k < 8; ++k, bits >>= 4)
            id += kHex[bits & 0xF];
    }
    return id + "." + std::to_string(static_cast<long long>(when)) + "@" + std::string(domain) + ">";
}

} // namespace sp::mail
