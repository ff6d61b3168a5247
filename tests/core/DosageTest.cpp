#include "core/Dosage.h"

#include <boost/test/unit_test.hpp>

using namespace sp;

BOOST_AUTO_TEST_SUITE(dosage)

BOOST_AUTO_TEST_CASE(default_dosage_is_valid)
{
    BOOST_TEST(validate(Dosage{}).empty());
}

BOOST_AUTO_TEST_CASE(every_range_bound_is_accepted_and_the_value_beyond_it_rejected)
{
    for (const DosageField& f : kDosageFields) {
        for (int ok : {f.min, f.max}) {
            Dosage d;
            d.*f.member = ok;
            BOOST_TEST(validate(d).empty(), f.key << "=" << ok);
        }
        for (int bad : {f.min - 1, f.max + 1}) {
            Dosage d;
            d.*f.member = bad;
            const auto errors = validate(d);
            BOOST_TEST_REQUIRE(errors.size() == 1u, f.key << "=" << bad);
            BOOST_TEST(errors[0].field == std::string(f.key));
            BOOST_TEST(errors[0].message.find(std::to_string(bad)) != std::string::npos);
        }
    }
}

BOOST_AUTO_TEST_CASE(documented_ranges_for_reps_and_hold)
{
    Dosage d;
    d.reps = 150;
    d.hold_s = 900;
    const auto errors = validate(d);
    BOOST_TEST_REQUIRE(errors.size() == 2u);
    BOOST_TEST(errors[0].field == "reps");
    BOOST_TEST(errors[0].message == "150 is out of range (1\u2013100)");
    BOOST_TEST(errors[1].field == "hold_s");
    BOOST_TEST(errors[1].message == "900 is out of range (0\u2013600)");
}

BOOST_AUTO_TEST_CASE(invalid_side_is_reported)
{
    Dosage d;
    d.side = static_cast<Side>(0);
    const auto errors = validate(d);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].field == "side");
}

BOOST_AUTO_TEST_CASE(describes_dosage_in_plain_words)
{
    Dosage d{2, 10, 5, 30, 2, 7, Side::Each, 3};
    BOOST_TEST(describe(d) == "2 sets of 10 \u00b7 hold 5 seconds \u00b7 twice a day \u00b7 each side");
    Dosage once{1, 1, 0, 0, 1, 5, Side::Both, 3};
    BOOST_TEST(describe(once) == "1 repetition \u00b7 once a day \u00b7 5 days a week");
}

BOOST_AUTO_TEST_SUITE_END()
