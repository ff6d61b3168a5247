#include "handout/FontSet.h"

#include "PdfTools.h"

#include <boost/test/unit_test.hpp>

#include <map>
#include <thread>
#include <vector>

using namespace sp::handout;

namespace {

// Loading parses both fonts; share one set across the cases as the app does.
const FontSet& fonts()
{
    static const FontSet set;
    return set;
}

// As numbers, which Boost.Test can print when a comparison fails.
std::vector<unsigned long> numbers(const std::vector<char32_t>& codePoints)
{
    return {codePoints.begin(), codePoints.end()};
}

} // namespace

BOOST_AUTO_TEST_SUITE(font_set)

BOOST_AUTO_TEST_CASE(widths_are_positive_and_additive)
{
    const double a = fonts().width(FontFace::Regular, 10, "a");
    const double b = fonts().width(FontFace::Regular, 10, "b");
    BOOST_TEST(a > 0);
    BOOST_TEST(b > 0);
    BOOST_TEST(fonts().width(FontFace::Regular, 10, "ab") == a + b);
    BOOST_TEST(fonts().width(FontFace::Regular, 10, "Zoë Ñúñez") ==
               fonts().width(FontFace::Regular, 10, "Zoë") + fonts().width(FontFace::Regular, 10, " Ñúñez"));
}

BOOST_AUTO_TEST_CASE(empty_text_has_no_width)
{
    BOOST_TEST(fonts().width(FontFace::Bold, 12, "") == 0.0);
}

BOOST_AUTO_TEST_CASE(widths_are_libharus_integer_units_per_em_thousand)
{
    // DejaVu Sans "a" advances 1255 of 2048 font units; libharu truncates to 612/1000 em.
    BOOST_TEST(fonts().width(FontFace::Regular, 1000, "a") == 612.0);
}

BOOST_AUTO_TEST_CASE(bold_is_wider_than_regular)
{
    const std::string text = "Knee to chest stretch, 3 × 30 s";
    BOOST_TEST(fonts().width(FontFace::Bold, 11, text) > fonts().width(FontFace::Regular, 11, text));
}

BOOST_AUTO_TEST_CASE(width_scales_linearly_with_size)
{
    const std::string text = "Hold for 30 seconds – then relax";
    const double at10 = fonts().width(FontFace::Regular, 10, text);
    BOOST_TEST(fonts().width(FontFace::Regular, 20, text) == 2 * at10, boost::test_tools::tolerance(1e-12));
    BOOST_TEST(fonts().width(FontFace::Regular, 7.5, text) == 0.75 * at10, boost::test_tools::tolerance(1e-12));
}

BOOST_AUTO_TEST_CASE(ascent_and_descent_come_from_the_font_and_scale_with_size)
{
    // DejaVu Sans: ascender 1901, descender -483 of 2048 units; libharu keeps 928 and 235.
    BOOST_TEST(fonts().ascent(FontFace::Regular, 10) == 9.28, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(fonts().descent(FontFace::Regular, 10) == 2.35, boost::test_tools::tolerance(1e-9));
    BOOST_TEST(fonts().ascent(FontFace::Bold, 20) == 2 * fonts().ascent(FontFace::Bold, 10));
    BOOST_TEST(fonts().descent(FontFace::Bold, 10) > 0);
}

BOOST_AUTO_TEST_CASE(covers_accented_latin_greek_cyrillic_and_typographic_punctuation)
{
    for (const char* text : {"Zoë Ñúñez-Łukasik", "Ελληνικά: καλημέρα", "Русский: упражнение",
                             "Don’t – 10–15 reps • “hold” … €5"})
        for (FontFace face : {FontFace::Regular, FontFace::Bold})
            BOOST_TEST(fonts().missingGlyphs(face, text).empty(), text);
}

BOOST_AUTO_TEST_CASE(missing_glyphs_lists_cjk_and_emoji_once_in_order_of_appearance)
{
    const std::vector<unsigned long> expected{0x1F600, 0x4E2D};
    BOOST_TEST(numbers(fonts().missingGlyphs(FontFace::Regular, "a😀b中c😀中")) == expected,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(characters_beyond_ucs2_are_missing_even_where_the_font_has_them)
{
    // DejaVu Sans has U+10300 (Old Italic A), but libharu's UTF-8 path draws it as a space.
    const std::vector<unsigned long> expected{0x10300};
    BOOST_TEST(numbers(fonts().missingGlyphs(FontFace::Regular, "\U00010300")) == expected,
               boost::test_tools::per_element());
    BOOST_TEST(fonts().width(FontFace::Regular, 10, "\U00010300") == fonts().width(FontFace::Regular, 10, " "));
}

BOOST_AUTO_TEST_CASE(measures_the_same_from_several_threads)
{
    const std::string text = "Piriformis stretch — Ωμέγα — Привет — 中";
    std::vector<double> widths(4);
    {
        const FontSet fresh; // an empty cache, filled concurrently
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < widths.size(); ++i)
            threads.emplace_back([&, i] { widths[i] = fresh.width(FontFace::Bold, 9, text); });
    }
    for (double w : widths)
        BOOST_TEST(w == fonts().width(FontFace::Bold, 9, text));
}

BOOST_AUTO_TEST_CASE(missing_font_folder_names_the_file_and_the_package)
{
    try {
        const FontSet set("/nonexistent/fonts");
        BOOST_FAIL("expected FontError");
    } catch (const FontError& e) {
        const std::string message = e.what();
        BOOST_TEST(message.find("/nonexistent/fonts/DejaVuSans.ttf") != std::string::npos, message);
        BOOST_TEST(message.find("fonts-dejavu-core") != std::string::npos, message);
    }
}

BOOST_AUTO_TEST_CASE(truncated_font_file_is_reported_as_damaged)
{
    test::TempDir dir;
    for (FontFace face : {FontFace::Regular, FontFace::Bold}) {
        const std::filesystem::path file = FontSet::fontFile(FontSet::defaultDir(), face);
        test::writeFile(dir / file.filename().string(), test::readFile(file).substr(0, 5000));
    }
    BOOST_CHECK_EXCEPTION(FontSet{dir.path()}, FontError, [](const FontError& e) {
        return std::string(e.what()).find("DejaVuSans.ttf is damaged") != std::string::npos;
    });
}

BOOST_AUTO_TEST_CASE(loads_from_the_configured_folder_by_default)
{
    BOOST_TEST(fonts().fontDir() == FontSet::defaultDir());
    BOOST_TEST(FontSet::fontFile(FontSet::defaultDir(), FontFace::Bold).filename() == "DejaVuSans-Bold.ttf");
}

BOOST_AUTO_TEST_CASE(build_tree_binary_finds_the_fonts_beside_its_bin_folder)
{
    // Test executables live in build/bin, like the app; the fonts are cut down into build/fonts.
    BOOST_TEST(FontSet::defaultDir().filename() == "fonts");
    BOOST_TEST(FontSet::defaultDir().parent_path().filename() != "stretchplan");
    BOOST_TEST(std::filesystem::is_regular_file(FontSet::defaultDir() / "DejaVuSans.ttf"));
}

BOOST_AUTO_TEST_CASE(installed_binary_finds_the_fonts_under_its_prefix)
{
    test::TempDir prefix;
    const std::filesystem::path fontDir = prefix.path() / "share" / "stretchplan" / "fonts";
    std::filesystem::create_directories(fontDir);
    std::filesystem::create_directories(prefix.path() / "bin");
    BOOST_TEST(FontSet::defaultDirFor(prefix.path() / "bin") == prefix.path() / "fonts",
               "without installed fonts the build-tree layout is assumed");
    std::filesystem::copy_file(FontSet::fontFile(FontSet::defaultDir(), FontFace::Regular), fontDir / "DejaVuSans.ttf");
    BOOST_TEST(FontSet::defaultDirFor(prefix.path() / "bin") == fontDir);
}

BOOST_AUTO_TEST_CASE(decodes_utf8_of_every_length)
{
    BOOST_TEST((decodeUtf8("aë–😀") == U"aë–😀"));
    BOOST_TEST((decodeUtf8("a\xFF") == U"a\uFFFD"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(glyph_names)

namespace {

std::uint32_t word(const std::string& bytes, std::size_t at)
{
    return std::uint32_t(static_cast<unsigned char>(bytes[at])) << 24 |
           std::uint32_t(static_cast<unsigned char>(bytes[at + 1])) << 16 |
           std::uint32_t(static_cast<unsigned char>(bytes[at + 2])) << 8 |
           static_cast<unsigned char>(bytes[at + 3]);
}

// tag -> (offset, length) from a TrueType table directory.
std::map<std::string, std::pair<std::size_t, std::size_t>> tables(const std::string& font)
{
    std::map<std::string, std::pair<std::size_t, std::size_t>> result;
    const std::size_t count = std::size_t(static_cast<unsigned char>(font[4])) << 8 |
                              static_cast<unsigned char>(font[5]);
    for (std::size_t i = 0; i < count; ++i)
        result[font.substr(12 + 16 * i, 4)] = {word(font, 12 + 16 * i + 8),
                                                word(font, 12 + 16 * i + 12)};
    return result;
}

} // namespace

BOOST_AUTO_TEST_CASE(drops_only_the_glyph_names_and_keeps_checksums_valid)
{
    // The full font: the embedded ones are cut down at build time and carry no names.
    const std::string original = test::readFile(FontSet::fontFile(SP_SYSTEM_FONT_DIR, FontFace::Regular));
    const std::string stripped = withoutGlyphNames(original);
    BOOST_TEST(stripped.size() < original.size() - 50'000);

    const auto before = tables(original), after = tables(stripped);
    BOOST_TEST_REQUIRE(after.size() == before.size());
    for (const auto& [tag, place] : after) {
        const auto [offset, length] = place;
        if (tag == "post") {
            BOOST_TEST(length == 32u);
            BOOST_TEST(word(stripped, offset) == 0x00030000u); // version 3: no names
        } else if (tag != "head") {
            BOOST_TEST((stripped.substr(offset, length) ==
                        original.substr(before.at(tag).first, before.at(tag).second)), tag);
        }
    }
    std::uint32_t sum = 0; // with checkSumAdjustment set, the whole font sums to the magic
    for (std::size_t at = 0; at + 4 <= stripped.size(); at += 4)
        sum += word(stripped, at);
    BOOST_TEST(sum == 0xB1B0AFBAu);
}

BOOST_AUTO_TEST_CASE(stripped_fonts_still_load_and_measure_the_same)
{
    test::TempDir dir;
    for (FontFace face : {FontFace::Regular, FontFace::Bold}) {
        const std::filesystem::path file = FontSet::fontFile(FontSet::defaultDir(), face);
        test::writeFile(dir / file.filename().string(), withoutGlyphNames(test::readFile(file)));
    }
    const FontSet stripped(dir.path());
    const std::string text = "Zoë Ñúñez-Łukasik – Привет";
    BOOST_TEST(stripped.width(FontFace::Bold, 10, text) == fonts().width(FontFace::Bold, 10, text));
    BOOST_TEST(stripped.missingGlyphs(FontFace::Regular, text).empty());
}

BOOST_AUTO_TEST_CASE(leaves_what_it_cannot_parse_unchanged)
{
    BOOST_TEST(withoutGlyphNames("not a font") == "not a font");
    BOOST_TEST(withoutGlyphNames("") == "");
}

BOOST_AUTO_TEST_SUITE_END()
