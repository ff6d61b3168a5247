// The layout engine: pages, page breaks, wrapping and keep-together, whatever the size
// of the plan, the paper and the print.
#include "LayoutFixtures.h"

#include "handout/HandoutLayout.h"
#include "handout/LayoutKit.h"
#include "handout/Paper.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::handout;
using namespace sp::test;

namespace {

struct LaidOut {
    LaidOutDocument doc;
    FixedMeasurer m;

    // The page each text run starting with `prefix` is on.
    std::vector<int> pagesOf(const std::string& prefix) const
    {
        std::vector<int> out;
        for (std::size_t p = 0; p < doc.pages.size(); ++p)
            for (const Box& b : doc.pages[p].boxes)
                if (const auto* t = std::get_if<TextRun>(&b); t && t->text.rfind(prefix, 0) == 0)
                    out.push_back(static_cast<int>(p));
        return out;
    }
    bool hasText(const std::string& text) const { return !pagesOf(text).empty(); }
};

LaidOut layOut(const HandoutContent& c, const std::string& templateId, Paper paper = Paper::A4, bool large = false)
{
    LaidOut r;
    r.doc = layoutHandout(c, shippedTemplate(templateId), {pageSize(paper), large}, r.m);
    return r;
}

// Every text run lies inside the page's margins: nothing runs off the paper.
void expectInsideMargins(const LaidOut& r, const HandoutTemplate& t)
{
    const double left = mm(t.marginLeftMm) - 0.01;
    const double right = r.doc.size.width - mm(t.marginRightMm) + 0.01;
    for (std::size_t p = 0; p < r.doc.pages.size(); ++p)
        for (const Box& b : r.doc.pages[p].boxes)
            if (const auto* run = std::get_if<TextRun>(&b)) {
                BOOST_TEST(run->x >= left, "page " << p + 1 << ": \"" << run->text << "\" starts left of the margin");
                BOOST_TEST(run->x + r.m.width(run->face, run->size, run->text) <= right,
                           "page " << p + 1 << ": \"" << run->text << "\" runs past the right margin");
                BOOST_TEST(run->y >= mm(t.marginBottomMm) - 0.01, "\"" << run->text << "\" below the bottom margin");
                BOOST_TEST(run->y <= r.doc.size.height - mm(t.marginTopMm), "\"" << run->text << "\" above the top margin");
            }
}

} // namespace

BOOST_AUTO_TEST_SUITE(layout)

BOOST_AUTO_TEST_CASE(one_exercise_fits_with_every_section_in_order)
{
    const LaidOut r = layOut(sampleContent(1), "classic");
    BOOST_TEST(r.doc.pages.size() <= 2u);
    const int title = r.pagesOf("Your home exercise program").at(0);
    const int exercises = r.pagesOf("Your exercises").at(0);
    const int redFlags = r.pagesOf("Stop and contact us").at(0);
    BOOST_TEST(title <= exercises);
    BOOST_TEST(exercises <= redFlags);
    BOOST_TEST(r.hasText("Zo\u00eb \u00d1\u00fa\u00f1ez-\u0141ukasik"));
    BOOST_TEST(r.hasText("Exercise number 1"));
    BOOST_TEST(r.hasText("2 sets of 10"));
    BOOST_TEST(r.hasText("Riverside Physiotherapy"));
    BOOST_TEST(r.hasText("8 December 2026"));
    BOOST_TEST(r.doc.info.author == "Riverside Physiotherapy");
}

// A precaution is a safety limit: it is printed, and on a panel of its own colour, not
// as one more tip; common mistakes are listed under their own heading.
BOOST_AUTO_TEST_CASE(precautions_are_printed_apart_on_a_caution_panel_and_mistakes_are_listed)
{
    HandoutContent c = sampleContent(1);
    c.exercises[0].commonMistakes = {"Holding your breath."};
    c.exercises[0].precautions = {"Stop if pain spreads further down your leg."};
    const LaidOut r = layOut(c, "classic");
    BOOST_TEST(r.hasText("Common mistakes to avoid"));
    BOOST_TEST(r.hasText("Holding your breath."));
    BOOST_TEST_REQUIRE(r.hasText("Take care"));
    BOOST_TEST_REQUIRE(r.hasText("Stop if pain spreads further down your leg."));
    const int page = r.pagesOf("Stop if pain spreads").at(0);
    const TextRun* precaution = nullptr;
    for (const Box& b : r.doc.pages[page].boxes)
        if (const auto* t = std::get_if<TextRun>(&b); t && t->text.rfind("Stop if pain spreads", 0) == 0)
            precaution = t;
    // The strip under the precaution's line is filled with the caution colour, which is
    // neither the clinician's note panel nor the red-flag box.
    const LayoutKit kit(r.m, shippedTemplate("classic"), false, c.clinic.accent);
    bool onCautionPanel = false;
    for (const Box& b : r.doc.pages[page].boxes)
        if (const auto* rect = std::get_if<Rect>(&b); rect && rect->fill == kit.cautionPanel)
            onCautionPanel = onCautionPanel || (precaution->y >= rect->y && precaution->y <= rect->y + rect->h);
    BOOST_TEST(onCautionPanel);
    BOOST_TEST(!(kit.cautionPanel == kit.panel));
    // Without precautions there is no such panel.
    const LaidOut plain = layOut(sampleContent(1), "classic");
    BOOST_TEST(!plain.hasText("Take care"));
    BOOST_TEST(!plain.hasText("Common mistakes to avoid"));
}

BOOST_AUTO_TEST_CASE(every_page_says_page_x_of_y)
{
    const LaidOut r = layOut(sampleContent(12), "classic");
    const int n = static_cast<int>(r.doc.pages.size());
    BOOST_TEST(n > 1);
    for (int p = 0; p < n; ++p)
        BOOST_TEST(r.pagesOf("Page " + std::to_string(p + 1) + " of " + std::to_string(n)) == std::vector<int>{p});
}

BOOST_AUTO_TEST_CASE(forty_exercises_keep_each_title_with_its_dosage)
{
    for (const char* id : {"classic", "compact"}) {
        const LaidOut r = layOut(sampleContent(40), id);
        for (int i = 1; i <= 40; ++i) {
            const std::string name = "Exercise number " + std::to_string(i);
            const auto titles = r.pagesOf(name);
            BOOST_TEST_REQUIRE(!titles.empty(), id << ": " << name);
            BOOST_TEST(r.pagesOf("Step 1 of exercise " + std::to_string(i) + ":").size() == 1u);
        }
        // The title (first run) and the dosage line of each block land on the same page.
        const auto dosage = r.pagesOf("2 sets of 10");
        BOOST_TEST(dosage.size() == 40u);
        for (int i = 1; i <= 40; ++i)
            BOOST_TEST(r.pagesOf("Exercise number " + std::to_string(i)).front() == dosage[i - 1], id << " " << i);
        expectInsideMargins(r, shippedTemplate(id));
    }
}

BOOST_AUTO_TEST_CASE(a_long_step_list_continues_on_the_next_page_under_continued)
{
    HandoutContent c = sampleContent(3);
    c.exercises[2] = sampleExercise(3, 12);
    for (std::string& step : c.exercises[2].steps)
        step += " Then hold the position for a moment, relax completely, and repeat the whole movement gently.";
    c.exercises.push_back(sampleExercise(4, 12));
    for (std::string& step : c.exercises[3].steps)
        step += std::string(" Keep going slowly.") + std::string(4, ' ') + "And again, breathing out as you move.";
    const LaidOut r = layOut(c, "classic", Paper::A4, true); // large print makes it long
    const bool continued = !r.pagesOf("3. Exercise number 3 (continued)").empty() ||
                           !r.pagesOf("4. Exercise number 4 (continued)").empty();
    BOOST_TEST(continued);
    expectInsideMargins(r, shippedTemplate("classic"));
}

BOOST_AUTO_TEST_CASE(long_words_and_urls_wrap_inside_the_margins)
{
    HandoutContent c = sampleContent(2);
    c.exercises[0].note = "See https://example.org/a/very/long/address/that/cannot/possibly/fit/on/one/line/of/the/"
                          "handout/at/all/even/in/small/print/index.html for more.";
    c.exercises[1].name = "Supercalifragilisticexpialidociousexercisewithanimpossiblylongnamewithoutspaces";
    for (const char* id : {"classic", "compact"})
        for (bool large : {false, true})
            expectInsideMargins(layOut(c, id, Paper::A4, large), shippedTemplate(id));
}

BOOST_AUTO_TEST_CASE(large_print_uses_at_least_16_point_body_text_and_more_pages)
{
    const LaidOut normal = layOut(sampleContent(6), "classic");
    const LaidOut large = layOut(sampleContent(6), "classic", Paper::A4, true);
    BOOST_TEST(large.doc.pages.size() > normal.doc.pages.size());
    for (const Page& page : large.doc.pages)
        for (const Box& b : page.boxes)
            if (const auto* t = std::get_if<TextRun>(&b); t && t->text.rfind("Step ", 0) == 0)
                BOOST_TEST(t->size >= 16.0);
    // Compact is one column in large print: its step lines start at the left margin or the indent.
    const LaidOut compact = layOut(sampleContent(6), "compact", Paper::A4, true);
    expectInsideMargins(compact, shippedTemplate("compact"));
}

BOOST_AUTO_TEST_CASE(both_paper_sizes_lay_out_cleanly)
{
    for (Paper paper : {Paper::A4, Paper::Letter})
        for (const char* id : {"classic", "compact"}) {
            const LaidOut r = layOut(sampleContent(10), id, paper);
            BOOST_TEST(r.doc.size.width == pageSize(paper).width);
            BOOST_TEST(r.doc.size.height == pageSize(paper).height);
            expectInsideMargins(r, shippedTemplate(id));
        }
    BOOST_TEST(pageSize(Paper::Letter).width == 612.0);
    BOOST_TEST(std::abs(pageSize(Paper::A4).height - 841.89) < 0.01);
}

BOOST_AUTO_TEST_CASE(compact_uses_two_columns)
{
    const LaidOut r = layOut(sampleContent(8), "compact");
    const HandoutTemplate& t = shippedTemplate("compact");
    const double middle = r.doc.size.width / 2;
    bool left = false, right = false;
    for (const Box& b : r.doc.pages.at(0).boxes)
        if (const auto* run = std::get_if<TextRun>(&b); run && run->text.rfind("Step 1 of", 0) == 0) {
            left = left || run->x < middle;
            right = right || run->x > middle;
        }
    BOOST_TEST(left);
    BOOST_TEST(right);
    BOOST_TEST(r.doc.pages.size() < layOut(sampleContent(8), "classic").doc.pages.size());
    (void)t;
}

BOOST_AUTO_TEST_CASE(characters_the_font_lacks_are_warnings)
{
    HandoutContent c = sampleContent(1);
    c.exercises[0].note = "Smile \U0001F600 while you do it";
    const LaidOut r = layOut(c, "classic");
    BOOST_TEST_REQUIRE(r.doc.warnings.size() == 1u);
    BOOST_TEST(r.doc.warnings[0].find("U+1F600") != std::string::npos);
    BOOST_TEST(layOut(sampleContent(1), "classic").doc.warnings.empty());
}

BOOST_AUTO_TEST_CASE(video_addresses_become_qr_codes)
{
    const LaidOut r = layOut(sampleContent(4), "classic"); // exercise 4 has a video
    int qr = 0;
    for (const Page& page : r.doc.pages)
        for (const Box& b : page.boxes)
            qr += std::holds_alternative<QrBox>(b) ? 1 : 0;
    BOOST_TEST(qr == 1);
}

BOOST_AUTO_TEST_SUITE_END()
