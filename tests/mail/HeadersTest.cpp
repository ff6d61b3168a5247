// Header values: line breaks refused, non-ASCII encoded per RFC 2047 in words a reader
// can decode (whole characters, at most 75 characters each), Date and Message-ID formats.
#include "mail/Headers.h"
#include "mail/MailError.h"

#include <boost/test/unit_test.hpp>

#include <regex>
#include <set>

using namespace sp::mail;

namespace {

std::vector<std::string> wordsOf(const std::string& encoded)
{
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < encoded.size()) {
        const std::size_t end = encoded.find("\r\n ", start);
        words.push_back(encoded.substr(start, end == std::string::npos ? end : end - start));
        if (end == std::string::npos)
            break;
        start = end + 3;
    }
    return words;
}

// A minimal RFC 2047 Q decoder, enough to check the encoder from the other side.
std::string decodeWords(const std::string& encoded)
{
    std::string out;
    for (const std::string& w : wordsOf(encoded)) {
        BOOST_TEST_REQUIRE(w.rfind("=?UTF-8?Q?", 0) == 0u, w);
        BOOST_TEST_REQUIRE(w.substr(w.size() - 2) == "?=", w);
        const std::string payload = w.substr(10, w.size() - 12);
        for (std::size_t i = 0; i < payload.size(); ++i) {
            if (payload[i] == '_')
                out += ' ';
            else if (payload[i] == '=')
                out += static_cast<char>(std::stoi(payload.substr(i + 1, 2), nullptr, 16)), i += 2;
            else
                out += payload[i];
        }
    }
    return out;
}

void expectRefused(const std::string& value, const std::string& fragment)
{
    try {
        requireSingleLine("subject", value);
        BOOST_ERROR("accepted: " << value);
    } catch (const MailError& e) {
        BOOST_TEST(std::string(e.what()).find(fragment) != std::string::npos, e.what());
    }
}

} // namespace

BOOST_AUTO_TEST_SUITE(headers)

BOOST_AUTO_TEST_CASE(refuses_line_breaks_controls_and_broken_utf8)
{
    expectRefused("Your plan\r\nBcc: everyone@example.org", "line break (CR or LF)");
    expectRefused("Your plan\nBcc: everyone@example.org", "line break");
    expectRefused("Your plan\r", "line break");
    expectRefused(std::string("Your\0plan", 9), "control character");
    expectRefused("Tab\there", "control character");
    expectRefused("Bad \xC3 UTF-8", "not valid UTF-8");
    expectRefused("\xFF", "not valid UTF-8");
    BOOST_CHECK_NO_THROW(requireSingleLine("subject", "\u00dcbungsplan f\u00fcr Zo\u00eb \U0001F600"));
    BOOST_CHECK_NO_THROW(requireSingleLine("subject", ""));
}

BOOST_AUTO_TEST_CASE(leaves_plain_ascii_subjects_as_they_are)
{
    BOOST_TEST(encodeHeaderText("Your home exercise plan") == "Your home exercise plan");
    // Text that looks like an encoded word is encoded, so a reader shows it literally.
    const std::string tricky = "=?UTF-8?Q?fake?=";
    BOOST_TEST(encodeHeaderText(tricky) != tricky);
    BOOST_TEST(decodeWords(encodeHeaderText(tricky)) == tricky);
}

BOOST_AUTO_TEST_CASE(encodes_non_ascii_in_words_that_round_trip)
{
    const std::string subject = "\u00dcbungsplan f\u00fcr Zo\u00eb";
    const std::string encoded = encodeHeaderText(subject);
    BOOST_TEST(encoded == "=?UTF-8?Q?=C3=9Cbungsplan_f=C3=BCr_Zo=C3=AB?=");
    BOOST_TEST(decodeWords(encoded) == subject);
}

BOOST_AUTO_TEST_CASE(long_subjects_fold_into_short_words_without_splitting_characters)
{
    std::string subject;
    for (int i = 0; i < 30; ++i)
        subject += "\u0141\u00f3d\u017a \u65e5\u672c ";
    const std::string encoded = encodeHeaderText(subject);
    const auto words = wordsOf(encoded);
    BOOST_TEST(words.size() > 5u);
    for (const std::string& w : words) {
        BOOST_TEST(w.size() <= 75u, w);
        BOOST_TEST(w.find('\r') == std::string::npos);
    }
    BOOST_TEST(decodeWords(encoded) == subject); // each word decodes to whole characters
    // After "Subject: " the first line must stay within 76 characters too.
    const std::string indented = encodeHeaderText(subject, 9);
    BOOST_TEST(9 + wordsOf(indented).front().size() <= 76u);
    BOOST_TEST(decodeWords(indented) == subject);
}

BOOST_AUTO_TEST_CASE(mailboxes_quote_or_encode_the_display_name)
{
    BOOST_TEST(formatMailbox("", "info@example.org") == "info@example.org");
    BOOST_TEST(formatMailbox("Riverside Physiotherapy", "info@example.org") ==
               "Riverside Physiotherapy <info@example.org>");
    BOOST_TEST(formatMailbox("Lee, Ana \"PT\"", "info@example.org") == "\"Lee, Ana \\\"PT\\\"\" <info@example.org>");
    const std::string encoded = formatMailbox("Praxis M\u00fcller", "info@example.org");
    BOOST_TEST(encoded == "=?UTF-8?Q?Praxis_M=C3=BCller?= <info@example.org>");
}

BOOST_AUTO_TEST_CASE(dates_are_rfc5322_in_utc_whatever_the_locale)
{
    BOOST_TEST(rfc5322Date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
    BOOST_TEST(rfc5322Date(1795507200) == "Tue, 24 Nov 2026 08:00:00 +0000");
}

BOOST_AUTO_TEST_CASE(message_ids_are_unique_and_well_formed)
{
    std::set<std::string> seen;
    const std::regex form(R"(<[0-9a-f]{32}\.1795507200@riverside\.example\.org>)");
    for (int i = 0; i < 200; ++i) {
        const std::string id = newMessageId("riverside.example.org", 1795507200);
        BOOST_TEST(std::regex_match(id, form), id);
        seen.insert(id);
    }
    BOOST_TEST(seen.size() == 200u);
}

BOOST_AUTO_TEST_SUITE_END()
