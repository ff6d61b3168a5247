#include "core/Date.h"

#include <boost/test/unit_test.hpp>

using namespace sp;

BOOST_AUTO_TEST_SUITE(date)

BOOST_AUTO_TEST_CASE(parses_real_days_only)
{
    BOOST_TEST(Date::parse("2026-11-24").has_value());
    BOOST_TEST(Date::parse("2024-02-29").has_value());
    for (const char* bad : {"2025-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-11-24", "2026/11/24",
                            "2026-11-24T10:00", "", "abcd-ef-gh", "1899-12-31", "2200-01-01", "2026-1-05"})
        BOOST_TEST(!Date::parse(bad).has_value(), bad);
}

BOOST_AUTO_TEST_CASE(round_trips_through_text_and_day_numbers)
{
    BOOST_TEST(Date::parse("1970-01-01")->toDays() == 0);
    BOOST_TEST(Date::parse("2000-03-01")->toDays() == 11017);
    for (long d = -25000; d < 80000; d += 37)
        BOOST_TEST(Date::fromDays(d).toDays() == d);
    BOOST_TEST(Date::parse("2026-11-24")->plusDays(7).toString() == "2026-12-01");
    BOOST_TEST(Date::parse("2026-03-01")->plusDays(-1).toString() == "2026-02-28");
}

BOOST_AUTO_TEST_CASE(orders_and_computes_age)
{
    BOOST_TEST((*Date::parse("2026-01-02") < *Date::parse("2026-02-01")));
    BOOST_TEST(yearsBetween(*Date::parse("1980-06-15"), *Date::parse("2026-06-14")) == 45);
    BOOST_TEST(yearsBetween(*Date::parse("1980-06-15"), *Date::parse("2026-06-15")) == 46);
}

BOOST_AUTO_TEST_SUITE_END()
