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

// Plain ASCII takes a shortcut past ICU; it must fold exactly as ICU does: letters and
// digits kept (lower case), everything else a word break.
BOOST_AUTO_TEST_CASE(folds_every_ascii_character_as_icu_does)
{
    for (int c = 1; c < 0x80; ++c) {
        const std::string text = std::string("Ab") + static_cast<char>(c) + "Cd";
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        const char lower = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        BOOST_TEST_CONTEXT("character " << c)
        {
            BOOST_TEST(foldForSearch(text) == (alnum ? std::string("ab") + lower + "cd" : std::string("ab cd")));
            // The same text with one accented letter goes through ICU: it must agree.
            BOOST_TEST(foldForSearch(text + " \u00C9") == foldForSearch(text) + " e");
        }
    }
    BOOST_TEST(foldForSearch("  Cat-Camel  HOLD ") == foldForSearch("  Cat-Camel  HOLD \u00A0"));
}

BOOST_AUTO_TEST_SUITE_END()
