#include "core/TextFold.h"

#include <boost/test/unit_test.hpp>

using namespace sp;

BOOST_AUTO_TEST_SUITE(text_fold)

BOOST_AUTO_TEST_CASE(folds_case_and_accents)
{
    BOOST_TEST(foldForSearch("Psoas") == "psoas");
    BOOST_TEST(foldForSearch("PSÓAS") == "psoas");
    BOOST_TEST(foldForSearch("Ischiojambières") == "ischiojambieres");
    BOOST_TEST(foldForSearch("Straße") == "strasse");
}

BOOST_AUTO_TEST_CASE(punctuation_separates_words)
{
    BOOST_TEST(foldForSearch("  Cat-camel hold (extension only) ") == "cat camel hold extension only");
    BOOST_TEST(foldForSearch("90-90") == "90 90");
    BOOST_TEST(splitWords(foldForSearch("90-90 active")) == (std::vector<std::string>{"90", "90", "active"}));
    BOOST_TEST(foldForSearch("--").empty());
    BOOST_TEST(splitWords("").empty());
}

BOOST_AUTO_TEST_SUITE_END()
