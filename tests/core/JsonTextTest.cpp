#include "Fixtures.h"

#include "core/JsonText.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using sp::test::Problems;

BOOST_AUTO_TEST_SUITE(json_text)

BOOST_AUTO_TEST_CASE(parses_valid_json)
{
    Problems p;
    const auto doc = parseJsonText(R"({"a": [1, {"b": "c"}], "d": null})", p.sink);
    BOOST_TEST_REQUIRE(doc.has_value());
    BOOST_TEST((*doc)["a"][1]["b"] == "c");
    BOOST_TEST(p.list.empty());
}

BOOST_AUTO_TEST_CASE(syntax_error_names_pointer_line_and_column)
{
    Problems p;
    BOOST_TEST(!parseJsonText("{\n  \"steps\": [\"one\",\n    \"two\" \"three\"]\n}", p.sink));
    BOOST_TEST_REQUIRE(p.list.size() == 1u);
    BOOST_TEST(p.list[0].pointer == "/steps/2");
    BOOST_TEST(p.list[0].message.find("malformed JSON") == 0u);
    BOOST_TEST(p.list[0].message.find("line 3, column") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(invalid_utf8_is_named_and_not_echoed)
{
    Problems p;
    const std::string text = "{\"name\": \"Caf\xC3\x28\"}";
    BOOST_TEST(!parseJsonText(text, p.sink));
    BOOST_TEST_REQUIRE(p.list.size() == 1u);
    BOOST_TEST(p.list[0].pointer == "/name");
    BOOST_TEST(p.list[0].message.find("invalid UTF-8 (line 1, column") == 0u);
    BOOST_TEST(p.lines()[0].find('\xC3') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(duplicate_keys_are_refused)
{
    Problems p;
    BOOST_TEST(!parseJsonText(R"({"dosage": {"reps": 1, "reps": 2}})", p.sink));
    BOOST_TEST_REQUIRE(p.list.size() == 1u);
    BOOST_TEST(p.list[0].pointer == "/dosage/reps");
    BOOST_TEST(p.list[0].message == "duplicate key \"reps\"");
}

BOOST_AUTO_TEST_CASE(nesting_over_the_cap_is_refused)
{
    Problems p;
    const std::string deep = std::string(17, '[') + std::string(17, ']');
    BOOST_TEST(!parseJsonText(deep, p.sink));
    BOOST_TEST_REQUIRE(p.list.size() == 1u);
    BOOST_TEST(p.list[0].message == "nesting is deeper than 16 levels");
    BOOST_TEST(p.list[0].pointer == "/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0/0");

    Problems q;
    BOOST_TEST(parseJsonText(std::string(16, '[') + std::string(16, ']'), q.sink).has_value());
}

BOOST_AUTO_TEST_CASE(empty_and_trailing_input_are_errors)
{
    Problems p;
    BOOST_TEST(!parseJsonText("", p.sink));
    BOOST_TEST(!parseJsonText("{} {}", p.sink));
    BOOST_TEST(p.list.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
