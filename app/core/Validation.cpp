#include "core/Validation.h"

namespace sp {

std::string outOfRangeMessage(long long value, long long min, long long max)
{
    return std::to_string(value) + " is out of range (" + std::to_string(min) + "\u2013" + std::to_string(max) + ")";
}

bool isValidUtf8(std::string_view s)
{
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = 0;
        char32_t cp = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            n = 1;
            cp = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            n = 2;
            cp = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        for (std::size_t k = 1; k <= n; ++k) {
            if (i + k >= s.size())
                return false;
            const auto cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr char32_t kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

std::size_t utf8Length(std::string_view s)
{
    std::size_t n = 0;
    for (char c : s)
        n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
    return n;
}

void FieldErrors::range(std::string_view field, long long value, long long min, long long max)
{
    if (value < min || value > max)
        add(std::string(field), outOfRangeMessage(value, min, max));
}

void FieldErrors::line(std::string_view field, const std::string& text, std::size_t minChars, std::size_t maxChars)
{
    if (!isValidUtf8(text)) {
        add(std::string(field), "is not valid UTF-8 text");
        return;
    }
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F) {
            add(std::string(field), "contains a control character (code " + std::to_string(u) + ")");
            return;
        }
    }
    const std::size_t n = utf8Length(text);
    if (n < minChars)
        add(std::string(field), minChars == 1 ? "must not be empty" : "is too short");
    else if (n > maxChars)
        add(std::string(field),
            "is too long (" + std::to_string(n) + " characters, at most " + std::to_string(maxChars) + ")");
}

void FieldErrors::text(std::string_view field, const std::string& text, std::size_t maxChars)
{
    if (!isValidUtf8(text)) {
        add(std::string(field), "is not valid UTF-8 text");
        return;
    }
    const std::size_t n = utf8Length(text);
    if (n > maxChars)
        add(std::string(field),
            "is too long (" + std::to_string(n) + " characters, at most " + std::to_string(maxChars) + ")");
}

void FieldErrors::email(std::string_view field, const std::string& address)
{
    line(field, address, 3, 254);
    const auto at = address.find('@');
    const bool shape = at != std::string::npos && at > 0 && address.find('@', at + 1) == std::string::npos &&
                       address.find('.', at) != std::string::npos && address.back() != '.' &&
                       address.find(' ') == std::string::npos && address[at + 1] != '.';
    if (!shape)
        add(std::string(field), "\"" + (isValidUtf8(address) ? address : std::string("?")) +
                                    "\" is not an e-mail address (name@example.org)");
}

void FieldErrors::phone(std::string_view field, const std::string& number)
{
    line(field, number, 3, 40);
    int digits = 0;
    for (char c : number) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.' && c != '/') {
            add(std::string(field), "may hold only digits, spaces and + - ( ) . /");
            return;
        }
    }
    if (digits < 3)
        add(std::string(field), "needs at least 3 digits");
}

void FieldErrors::merge(std::string_view prefix, const std::vector<FieldError>& errors)
{
    for (const FieldError& e : errors)
        add(std::string(prefix) + e.field, e.message);
}

std::string FieldErrors::summary() const
{
    std::string out;
    for (const FieldError& e : m_errors)
        out += (out.empty() ? "" : "; ") + e.field + ": " + e.message;
    return out;
}

} // namespace sp
