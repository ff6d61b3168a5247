#include "handout/QrCode.h"

#include <boost/test/unit_test.hpp>

#include <string>

using namespace sp::handout;

namespace {

const std::string kVideoLink = "https://example.org/videos/wall-slide";

bool isDark(const QrMatrix& qr, int x, int y)
{
    return qr.dark[static_cast<std::size_t>(y * qr.size + x)];
}

// A finder pattern: a dark 7 x 7 ring, a light ring inside it, a dark 3 x 3 centre.
void checkFinderPattern(const QrMatrix& qr, int left, int top)
{
    for (int y = 0; y < 7; ++y) {
        for (int x = 0; x < 7; ++x) {
            const bool outerRing = x == 0 || y == 0 || x == 6 || y == 6;
            const bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
            BOOST_TEST_CONTEXT("finder at (" << left << ", " << top << "), module (" << x << ", " << y << ")")
            {
                BOOST_TEST(isDark(qr, left + x, top + y) == (outerRing || centre));
            }
        }
    }
}

QrMatrix requireQr(std::string_view text)
{
    std::string error;
    const std::optional<QrMatrix> qr = encodeQr(text, &error);
    BOOST_REQUIRE_MESSAGE(qr, "encoding failed: " << error);
    BOOST_TEST(error.empty());
    return *qr;
}

} // namespace

BOOST_AUTO_TEST_SUITE(qr_code)

BOOST_AUTO_TEST_CASE(encodes_a_link_as_a_square_matrix_of_the_smallest_fitting_version)
{
    const QrMatrix qr = requireQr(kVideoLink);
    BOOST_TEST(qr.size >= 21);
    BOOST_TEST((qr.size - 21) % 4 == 0);
    BOOST_TEST(qr.size == 29); // 37 bytes at level M need version 3
    BOOST_TEST(qr.dark.size() == static_cast<std::size_t>(qr.size * qr.size));
}

BOOST_AUTO_TEST_CASE(draws_finder_patterns_in_three_corners_only)
{
    const QrMatrix qr = requireQr(kVideoLink);
    checkFinderPattern(qr, 0, 0);
    checkFinderPattern(qr, qr.size - 7, 0);
    checkFinderPattern(qr, 0, qr.size - 7);
    // The separator round each finder is light.
    for (int i = 0; i < 8; ++i) {
        BOOST_TEST(!isDark(qr, 7, i));
        BOOST_TEST(!isDark(qr, i, 7));
        BOOST_TEST(!isDark(qr, qr.size - 8, i));
        BOOST_TEST(!isDark(qr, i, qr.size - 8));
    }
}

BOOST_AUTO_TEST_CASE(runs_timing_patterns_between_the_finders)
{
    const QrMatrix qr = requireQr(kVideoLink);
    for (int i = 8; i < qr.size - 8; ++i) {
        BOOST_TEST(isDark(qr, i, 6) == (i % 2 == 0));
        BOOST_TEST(isDark(qr, 6, i) == (i % 2 == 0));
    }
}

// The format information beside the top-left finder holds the error correction level;
// reading it also proves the matrix is not mirrored or transposed.
BOOST_AUTO_TEST_CASE(uses_error_correction_level_m)
{
    const QrMatrix qr = requireQr(kVideoLink);
    unsigned format = 0; // bit 14 first
    const int rowPositions[] = {0, 1, 2, 3, 4, 5, 7};
    for (int x : rowPositions)
        format = (format << 1) | (isDark(qr, x, 8) ? 1U : 0U);
    const int columnPositions[] = {8, 7, 5, 4, 3, 2, 1, 0};
    for (int y : columnPositions)
        format = (format << 1) | (isDark(qr, 8, y) ? 1U : 0U);
    format ^= 0x5412; // the mask every QR code applies to its format bits
    BOOST_TEST(((format >> 13) & 3U) == 0U); // 00 is level M
}

BOOST_AUTO_TEST_CASE(encodes_utf8_text)
{
    const QrMatrix qr = requireQr("Übung: Katze–Kuh, 10× täglich");
    BOOST_TEST(qr.size >= 21);
}

BOOST_AUTO_TEST_CASE(accepts_text_of_exactly_1000_bytes)
{
    const QrMatrix qr = requireQr(std::string(kMaxQrTextBytes, 'a'));
    BOOST_TEST(qr.dark.size() == static_cast<std::size_t>(qr.size * qr.size));
}

BOOST_AUTO_TEST_CASE(rejects_empty_text)
{
    std::string error;
    BOOST_TEST(!encodeQr("", &error));
    BOOST_TEST(error == "the QR code text is empty");
    BOOST_TEST(!encodeQr("")); // the error is optional
}

BOOST_AUTO_TEST_CASE(rejects_text_over_1000_bytes)
{
    std::string error;
    BOOST_TEST(!encodeQr(std::string(1001, 'a'), &error));
    BOOST_TEST(error == "the QR code text is 1001 bytes, more than the 1000 allowed; use a shorter link");
}

BOOST_AUTO_TEST_SUITE_END()
