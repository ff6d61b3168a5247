#include "handout/HandoutLayout.h"

#include "handout/ExerciseBlock.h"
#include "handout/Flow.h"
#include "handout/LayoutKit.h"
#include "handout/Paper.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace sp::handout {
namespace {

void addSectionHeading(LayoutKit& k, Flow& flow, const std::string& text)
{
    flow.gap(k.sizes.body * 0.6);
    Block b;
    for (Segment& s : k.lines(text, FontFace::Bold, k.sizes.heading, k.accent, 0, flow.columnWidth()))
        b.segments.push_back(std::move(s));
    b.segments.push_back(k.ruleLine(k.accent, 0.8, 4));
    b.keepTogether = b.segments.size();
    flow.place(b);
}

void patientSection(LayoutKit& k, Flow& flow, const HandoutContent& c)
{
    const double w = flow.columnWidth();
    Block b;
    for (Segment& s : k.lines("Your home exercise program", FontFace::Bold, k.sizes.title, k.text, 0, w))
        b.segments.push_back(std::move(s));
    b.segments.push_back(k.space(k.sizes.body * 0.4));
    const double labelWidth = k.m.width(FontFace::Regular, k.sizes.body, "Physiotherapist") + 14;
    const std::pair<const char*, const std::string*> rows[] = {
        {"Prepared for", &c.patientName}, {"Date", &c.date}, {"Physiotherapist", &c.clinician}, {"Plan", &c.planTitle}};
    for (const auto& [label, value] : rows) {
        if (value->empty())
            continue;
        std::vector<Segment> lines = k.lines(*value, FontFace::Bold, k.sizes.body, k.text, labelWidth, w);
        const std::string l = label;
        auto draw = lines.front().draw;
        lines.front().draw = [draw, l, &k](Page& page, double x, double top, double width) {
            draw(page, x, top, width);
            page.boxes.push_back(TextRun{x, k.baseline(top, k.sizes.body), FontFace::Regular, k.sizes.body, k.muted, l});
        };
        for (Segment& s : lines)
            b.segments.push_back(std::move(s));
    }
    b.keepTogether = b.segments.size();
    flow.place(b);
    if (!c.goals.empty()) {
        addSectionHeading(k, flow, "Your goals");
        for (const std::string& goal : c.goals) {
            Block g;
            g.segments = k.listItem("\u2022", goal, FontFace::Regular, k.sizes.body, k.text, 0, w);
            g.keepTogether = g.segments.size();
            flow.place(g);
        }
    }
}

void guidanceSection(LayoutKit& k, Flow& flow, const HandoutContent& c)
{
    if (c.guidance.empty())
        return;
    addSectionHeading(k, flow, "Good to know");
    const double w = flow.columnWidth();
    for (const HandoutSection& s : c.guidance) {
        Block b;
        b.segments.push_back(k.space(k.sizes.body * 0.5));
        for (Segment& seg : k.lines(s.title, FontFace::Bold, k.sizes.body, k.text, 0, w))
            b.segments.push_back(std::move(seg));
        b.keepTogether = b.segments.size() + 1; // a title never ends a column alone
        for (std::size_t p = 0; p < s.paragraphs.size(); ++p) {
            if (p > 0)
                b.segments.push_back(k.space(k.sizes.body * 0.35));
            for (Segment& seg : k.lines(s.paragraphs[p], FontFace::Regular, k.sizes.body, k.text, 0, w))
                b.segments.push_back(std::move(seg));
        }
        flow.place(b);
    }
}

void redFlagSection(LayoutKit& k, Flow& flow, const HandoutContent& c)
{
    if (c.redFlags.empty())
        return;
    const double w = flow.columnWidth();
    const Color red{0.70, 0.11, 0.11};
    const Color tint{0.995, 0.93, 0.93};
    const double pad = 8;
    Block b;
    b.segments.push_back(k.panelEdge(tint, red, pad));
    for (Segment& s : k.lines("Stop and contact us, or seek urgent care, if you notice:", FontFace::Bold,
                              k.sizes.body * 1.05, red, pad, w - pad, tint, red))
        b.segments.push_back(std::move(s));
    b.segments.push_back(k.space(3, tint, red));
    for (const std::string& flag : c.redFlags)
        for (Segment& s : k.listItem("\u2022", flag, FontFace::Regular, k.sizes.body, k.text, pad, w - pad, tint, red))
            b.segments.push_back(std::move(s));
    b.segments.push_back(k.panelEdge(tint, red, pad));
    // Kept whole where it fits on one page: a warning read in two halves is easily missed.
    b.keepTogether = b.segments.size();
    flow.gap(k.sizes.body);
    flow.place(b);
}

void followUpSection(LayoutKit& k, Flow& flow, const HandoutContent& c)
{
    addSectionHeading(k, flow, "Your next appointment");
    const std::string text = c.nextFollowUp.empty()
                                 ? "Please book your next follow-up visit with us."
                                 : c.nextFollowUp + ". Please bring this handout with you.";
    Block b;
    b.segments = k.lines(text, c.nextFollowUp.empty() ? FontFace::Regular : FontFace::Bold, k.sizes.body, k.text, 0,
                         flow.columnWidth());
    b.keepTogether = b.segments.size();
    flow.place(b);
}

// The first page's letterhead: logo left, clinic name and contacts right, an accent rule.
double drawHeader(LayoutKit& k, Page& page, const HandoutContent& c, double left, double right, double top)
{
    const double width = right - left;
    const double logoH = mm(16);
    double logoW = 0;
    if (c.clinic.logo && c.clinic.logo->height > 0) {
        const double aspect = double(c.clinic.logo->width) / c.clinic.logo->height;
        logoW = std::min(mm(60), logoH * aspect);
        page.boxes.push_back(ImageBox{left, top - logoW / aspect, logoW, logoW / aspect, c.clinic.logo});
    }
    const double textLeft = left + logoW + (logoW > 0 ? 12 : 0);
    const double nameSize = k.sizes.heading * 1.15;
    double y = top - nameSize;
    const auto rightAligned = [&](const std::string& text, FontFace face, double size, Color color) {
        const double w = k.m.width(face, size, text);
        const double x = logoW > 0 ? std::max(textLeft, right - w) : left;
        page.boxes.push_back(TextRun{x, y, face, size, color, text});
    };
    for (const std::string& line : wrapText(k.m, FontFace::Bold, nameSize, c.clinic.name, width - logoW - 12)) {
        rightAligned(line, FontFace::Bold, nameSize, k.accent);
        y -= nameSize * 1.2;
    }
    y += nameSize * 1.2 - k.sizes.small * 1.5;
    for (const std::string& contact : c.clinic.contactLines)
        for (const std::string& line : wrapText(k.m, FontFace::Regular, k.sizes.small, contact, width - logoW - 12)) {
            rightAligned(line, FontFace::Regular, k.sizes.small, k.muted);
            y -= k.sizes.small * 1.35;
        }
    const double bottom = std::min(y + k.sizes.small * 0.5, top - logoH) - 6;
    page.boxes.push_back(Line{left, bottom, right, bottom, 1.6, k.accent, false});
    return top - bottom + 10;
}

void drawRunningHeader(LayoutKit& k, Page& page, const HandoutContent& c, double left, double right, double top)
{
    const double y = top - k.sizes.small;
    page.boxes.push_back(TextRun{left, y, FontFace::Bold, k.sizes.small, k.accent, c.clinic.name});
    const double w = k.m.width(FontFace::Regular, k.sizes.small, c.patientName);
    page.boxes.push_back(TextRun{right - w, y, FontFace::Regular, k.sizes.small, k.muted, c.patientName});
    page.boxes.push_back(Line{left, y - 5, right, y - 5, 0.5, k.rule, false});
}

std::vector<std::string> footerLines(LayoutKit& k, const HandoutContent& c, double width)
{
    return c.clinic.footer.empty() ? std::vector<std::string>{}
                                   : wrapText(k.m, FontFace::Regular, k.sizes.small, c.clinic.footer, width);
}

void drawFooter(LayoutKit& k, Page& page, const std::vector<std::string>& lines, double left, double right,
                double bottom, int number, int count)
{
    const double lineH = k.sizes.small * 1.3;
    const double top = bottom + std::max<double>(1, lines.size()) * lineH + 6;
    page.boxes.push_back(Line{left, top, right, top, 0.5, k.rule, false});
    double y = top - 6 - k.sizes.small;
    for (const std::string& line : lines) {
        page.boxes.push_back(TextRun{left, y, FontFace::Regular, k.sizes.small, k.muted, line});
        y -= lineH;
    }
    const std::string pageText = "Page " + std::to_string(number) + " of " + std::to_string(count);
    const double w = k.m.width(FontFace::Regular, k.sizes.small, pageText);
    page.boxes.push_back(TextRun{right - w, top - 6 - k.sizes.small, FontFace::Regular, k.sizes.small, k.muted, pageText});
}

// One warning per character the font cannot show, naming the text it is in.
void reportMissingGlyphs(LaidOutDocument& doc, const TextMeasurer& m)
{
    std::set<char32_t> reported;
    for (const Page& page : doc.pages)
        for (const Box& box : page.boxes)
            if (const auto* run = std::get_if<TextRun>(&box))
                for (char32_t cp : m.missingGlyphs(run->face, run->text))
                    if (reported.insert(cp).second) {
                        char hex[16];
                        std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
                        doc.warnings.push_back(std::string("the font has no character ") + hex + " (in \"" +
                                               run->text.substr(0, 60) + "\"); it prints as a blank box");
                    }
}

} // namespace

LaidOutDocument layoutHandout(const HandoutContent& c, const HandoutTemplate& t, const LayoutOptions& options,
                              const TextMeasurer& m)
{
    LayoutKit k(m, t, options.largePrint, c.clinic.accent);
    LaidOutDocument doc;
    doc.size = options.page;
    doc.info = {c.planTitle.empty() ? "Home exercise program" : "Home exercise program: " + c.planTitle,
                c.clinic.name, "Home exercise program for " + c.patientName, c.creationDate};

    const double left = mm(t.marginLeftMm);
    const double right = options.page.width - mm(t.marginRightMm);
    const double top = options.page.height - mm(t.marginTopMm);
    const std::vector<std::string> footer = footerLines(k, c, right - left - 70);
    const double footerHeight = std::max<double>(1, footer.size()) * k.sizes.small * 1.3 + 6;
    const double bottom = mm(t.marginBottomMm) + footerHeight + 8;
    const bool header = std::find(t.sections.begin(), t.sections.end(), Section::Header) != t.sections.end();

    Page firstChrome;
    const double headerHeight = header ? drawHeader(k, firstChrome, c, left, right, top) : 0;
    const double runningHeight = k.sizes.small + 14;
    const int columns = options.largePrint ? 1 : t.columns;
    Flow flow(options.page, left, mm(t.marginRightMm), columns, 16, {top - headerHeight, bottom},
              {top - runningHeight, bottom});

    for (Section s : t.sections) {
        switch (s) {
        case Section::Header: break;
        case Section::Patient: patientSection(k, flow, c); break;
        case Section::Exercises: exerciseSection(k, flow, c); break;
        case Section::Guidance: guidanceSection(k, flow, c); break;
        case Section::RedFlags: redFlagSection(k, flow, c); break;
        case Section::FollowUp: followUpSection(k, flow, c); break;
        }
    }

    doc.pages = std::move(flow.pages());
    const int count = static_cast<int>(doc.pages.size());
    for (int i = 0; i < count; ++i) {
        Page& page = doc.pages[i];
        Page extra;
        if (i == 0)
            extra = firstChrome;
        else
            drawRunningHeader(k, extra, c, left, right, top);
        drawFooter(k, extra, footer, left, right, mm(t.marginBottomMm), i + 1, count);
        page.boxes.insert(page.boxes.begin(), extra.boxes.begin(), extra.boxes.end());
    }
    doc.warnings = k.warnings;
    reportMissingGlyphs(doc, m);
    return doc;
}

} // namespace sp::handout
