// Checking values a clinician typed: each check names the field and what is wrong.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sp {

struct FieldError {
    std::string field;   // as the user names it, e.g. "reps", "email", "items/2/dosage/sets"
    std::string message; // e.g. "150 is out of range (1–100)"
};

// Throws nothing; collects every problem of a record.
class FieldErrors {
public:
    void add(std::string field, std::string message) { m_errors.push_back({std::move(field), std::move(message)}); }
    void range(std::string_view field, long long value, long long min, long long max);
    // One line of text: no control characters, valid UTF-8, minChars..maxChars characters.
    void line(std::string_view field, const std::string& text, std::size_t minChars, std::size_t maxChars);
    // Free text: any characters (newlines, tabs, even NUL) but valid UTF-8, at most maxChars.
    void text(std::string_view field, const std::string& text, std::size_t maxChars);
    void email(std::string_view field, const std::string& address);
    void phone(std::string_view field, const std::string& number);
    void merge(std::string_view prefix, const std::vector<FieldError>& errors);

    bool empty() const { return m_errors.empty(); }
    const std::vector<FieldError>& list() const { return m_errors; }
    // "field: message; field: message" for one-line error reports.
    std::string summary() const;

private:
    std::vector<FieldError> m_errors;
};

// Strict UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(std::string_view text);

// Length in code points of valid UTF-8.
std::size_t utf8Length(std::string_view text);

// "150 is out of range (1–100)": shared so that every range error reads the same.
std::string outOfRangeMessage(long long value, long long min, long long max);

} // namespace sp
