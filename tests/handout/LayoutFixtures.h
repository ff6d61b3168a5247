// A measurer with simple, predictable metrics and handout content of any size, for
// layout tests that check geometry rather than fonts.
#pragma once

#include "handout/HandoutContent.h"
#include "handout/HandoutTemplateFiles.h"
#include "handout/Layout.h"
#include "handout/TextMeasurer.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>

namespace sp::test {

// Every character is half its size wide (bold: 0.6); characters above U+FFFF are "missing".
class FixedMeasurer : public handout::TextMeasurer {
public:
    double width(handout::FontFace face, double size, std::string_view utf8) const override
    {
        double n = 0;
        for (char c : utf8)
            n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        return n * size * (face == handout::FontFace::Bold ? 0.6 : 0.5);
    }
    double ascent(handout::FontFace, double size) const override { return size * 0.76; }
    double descent(handout::FontFace, double size) const override { return size * 0.24; }
    std::vector<char32_t> missingGlyphs(handout::FontFace, std::string_view utf8) const override
    {
        std::vector<char32_t> out;
        for (std::size_t i = 0; i < utf8.size(); ++i)
            if ((static_cast<unsigned char>(utf8[i]) & 0xF8) == 0xF0) // a 4-byte sequence
                out.push_back(0x1F600);
        return out;
    }
};

inline Figure sampleFigure(int poses)
{
    Figure f;
    for (int i = 0; i < poses; ++i) {
        Pose p;
        p.label = "Pose " + std::to_string(i + 1);
        p.joints = {{Joint::Head, {20, 10}}, {Joint::Neck, {27, 9}}, {Joint::Pelvis, {58, 6}},
                    {Joint::KneeL, {76, 5}}, {Joint::AnkleL, {94, 4}}};
        p.props = {{PropKind::Floor, {0, 0}, 0, 0, 0}};
        p.arrows = {{{30, 20}, {30, 35}}};
        f.poses.push_back(p);
    }
    return f;
}

inline handout::HandoutExercise sampleExercise(int n, int steps = 4)
{
    handout::HandoutExercise e;
    e.name = "Exercise number " + std::to_string(n);
    e.startPosition = "Lie on your back with your knees bent and your feet flat on the floor.";
    for (int i = 0; i < steps; ++i)
        e.steps.push_back("Step " + std::to_string(i + 1) + " of exercise " + std::to_string(n) +
                          ": move slowly and smoothly, breathing out as you go.");
    e.cues = {"Keep your back relaxed.", "Stop if pain spreads down your leg."};
    e.dosage = "2 sets of 10 \u00b7 hold 5 seconds \u00b7 twice a day";
    e.note = n % 3 == 0 ? "Only on the left side for now." : "";
    e.figure = sampleFigure(1 + n % 3);
    e.videoUrl = n % 4 == 0 ? "https://example.org/videos/exercise-" + std::to_string(n) : "";
    return e;
}

inline handout::HandoutContent sampleContent(int exercises)
{
    handout::HandoutContent c;
    c.clinic.name = "Riverside Physiotherapy";
    c.clinic.contactLines = {"12 River Road, Springfield", "555-0100  \u00b7  info@example.org"};
    c.clinic.footer = "This program was written for you. It does not replace medical advice.";
    c.patientName = "Zo\u00eb \u00d1\u00fa\u00f1ez-\u0141ukasik";
    c.date = "24 November 2026";
    c.clinician = "dr.lee";
    c.planTitle = "Low back";
    c.goals = {"Sit through a film without pain", "Walk the dog every morning"};
    for (int i = 1; i <= exercises; ++i)
        c.exercises.push_back(sampleExercise(i));
    c.guidance = {{"Keep moving", {"Little and often is better than a lot at once.", "Walk every day."}}};
    c.redFlags = {"Numbness around your genitals or buttocks.", "Fever with back pain."};
    c.nextFollowUp = "8 December 2026";
    return c;
}

inline const handout::HandoutTemplate& shippedTemplate(const std::string& id)
{
    static const handout::HandoutTemplateLoad load =
        handout::loadHandoutTemplates(std::filesystem::path(SP_SOURCE_DIR) / "templates" / "handouts");
    for (const auto& t : load.templates)
        if (t.id == id)
            return t;
    BOOST_FAIL("no shipped handout template " + id);
    throw std::logic_error("unreachable");
}

} // namespace sp::test
