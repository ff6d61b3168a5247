// A calendar date (no time, no zone), as clinicians write it: YYYY-MM-DD.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace sp {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    // Strictly "YYYY-MM-DD" for a real day between 1900-01-01 and 2199-12-31.
    static std::optional<Date> parse(std::string_view text);
    // Days since 1970-01-01 (negative before), and back.
    static Date fromDays(long days);
    long toDays() const;

    std::string toString() const;
    Date plusDays(long days) const { return fromDays(toDays() + days); }

    auto operator<=>(const Date&) const = default;
};

// Whole years between `birth` and `on` (the age on that day).
int yearsBetween(const Date& birth, const Date& on);

} // namespace sp
