#include "handout/ExerciseBlock.h"

#include "handout/FigureBoxes.h"
#include "handout/Paper.h"
#include "handout/QrCode.h"

#include <algorithm>
#include <cmath>

namespace sp::handout {
namespace {

FigureStyle figureStyle(const LayoutKit& k)
{
    FigureStyle s;
    s.body = k.text;
    s.farBody = Color{0.64, 0.68, 0.72};
    s.prop = k.accent;
    s.propFill = Color{0.88 + 0.12 * k.accent.r * 0.2, 0.92, 0.97};
    s.ground = Color{0.55, 0.58, 0.62};
    s.arrow = Color{0.78, 0.27, 0.24};
    s.label = k.muted;
    s.labelSize = k.sizes.small * 0.95;
    return s;
}

// The picture of an exercise: its figure, else its photo, else a neat placeholder.
struct Picture {
    const HandoutExercise& ex;
    const LayoutKit& k;
    double width;
    int perRow;
    double maxPanel;

    double height() const
    {
        if (ex.figure && !ex.figure->poses.empty())
            return figureHeight(*ex.figure, width, perRow, maxPanel, figureStyle(k));
        if (ex.photo && ex.photo->width > 0)
            return std::min(width * ex.photo->height / ex.photo->width, maxPanel * 1.2);
        if (ex.pictureUnavailable)
            return std::min(width * 0.6, maxPanel);
        return 0;
    }

    void draw(Page& page, double x, double top) const
    {
        if (ex.figure && !ex.figure->poses.empty()) {
            const auto& kit = k;
            drawFigure(page, *ex.figure, x, top, width, perRow, maxPanel, figureStyle(k),
                       [&kit](double size, std::string_view t) { return kit.m.width(FontFace::Regular, size, t); });
        } else if (ex.photo && ex.photo->width > 0) {
            const double h = height();
            const double w = std::min(width, h * ex.photo->width / ex.photo->height);
            page.boxes.push_back(ImageBox{x + (width - w) / 2, top - h, w, h, ex.photo});
        } else if (ex.pictureUnavailable) {
            const double h = height();
            page.boxes.push_back(Rect{x, top - h, width, h, k.panel, k.rule, 0.8});
            const std::string text = "Picture not available";
            const double tw = k.m.width(FontFace::Regular, k.sizes.small, text);
            page.boxes.push_back(
                TextRun{x + (width - tw) / 2, top - h / 2 - k.sizes.small / 3, FontFace::Regular, k.sizes.small, k.muted, text});
        }
    }
};

struct Qr {
    std::optional<QrMatrix> matrix;
    double size = 0; // points, symbol only
};

Qr makeQr(LayoutKit& k, const HandoutExercise& ex)
{
    Qr qr;
    if (ex.videoUrl.empty())
        return qr;
    std::string error;
    qr.matrix = encodeQr(ex.videoUrl, &error);
    if (!qr.matrix) {
        k.warnings.push_back("no QR code for the video of \"" + ex.name + "\": " + error);
        return qr;
    }
    qr.size = mm(k.t.qrSizeMm);
    return qr;
}

void drawQr(Page& page, const Qr& qr, double x, double top)
{
    QrBox box;
    box.size = qr.matrix->size;
    box.module = qr.size / qr.matrix->size;
    box.x = x;
    box.y = top - qr.size;
    box.dark = qr.matrix->dark;
    page.boxes.push_back(std::move(box));
}

// Everything under the title, as lines of the text column.
// Two segments drawn as one, so that a subheading never ends a page without its text.
Segment joined(Segment a, Segment b)
{
    const double h = a.height + b.height;
    return {h, 0, [a = std::move(a), b = std::move(b)](Page& page, double x, double top, double width) {
                a.draw(page, x, top, width);
                b.draw(page, x, top - a.height, width);
            }};
}

std::vector<Segment> bodyLines(LayoutKit& k, const HandoutExercise& ex, double width)
{
    const double s = k.sizes.body;
    std::vector<Segment> out;
    bool holdNext = false;
    const auto append = [&](std::vector<Segment> more) {
        for (Segment& seg : more) {
            if (holdNext && !out.empty()) {
                out.back() = joined(std::move(out.back()), std::move(seg));
                holdNext = false;
            } else {
                out.push_back(std::move(seg));
            }
        }
    };
    // A subheading: held together with the first line that follows it.
    const auto heading = [&](const std::string& text) {
        append(k.lines(text, FontFace::Bold, s, k.text, 0, width));
        holdNext = true;
    };
    append(k.lines(ex.dosage, FontFace::Bold, s, k.accent, 0, width));
    if (!ex.startPosition.empty()) {
        out.push_back(k.space(s * 0.4));
        heading("Starting position");
        append(k.lines(ex.startPosition, FontFace::Regular, s, k.text, 0, width));
    }
    if (!ex.steps.empty()) {
        out.push_back(k.space(s * 0.4));
        heading("What to do");
        for (std::size_t i = 0; i < ex.steps.size(); ++i)
            append(k.listItem(std::to_string(i + 1) + ".", ex.steps[i], FontFace::Regular, s, k.text, 0, width));
    }
    if (!ex.cues.empty()) {
        out.push_back(k.space(s * 0.4));
        heading("Tips");
        for (const std::string& cue : ex.cues)
            append(k.listItem("\u2022", cue, FontFace::Regular, s, k.text, 0, width));
    }
    if (!ex.commonMistakes.empty()) {
        out.push_back(k.space(s * 0.4));
        heading("Common mistakes to avoid");
        for (const std::string& mistake : ex.commonMistakes)
            append(k.listItem("\u2022", mistake, FontFace::Regular, s, k.text, 0, width));
    }
    if (!ex.precautions.empty()) {
        // Set apart in the caution colours: a safety limit must not read as one more tip.
        out.push_back(k.space(s * 0.5));
        const double pad = 8;
        out.push_back(k.space(pad / 2, k.cautionPanel, k.caution));
        append(k.lines("Take care", FontFace::Bold, s, k.caution, pad, width - pad, k.cautionPanel, k.caution));
        for (const std::string& precaution : ex.precautions)
            append(k.listItem("\u2022", precaution, FontFace::Regular, s, k.text, pad, width - pad, k.cautionPanel,
                              k.caution));
        out.push_back(k.space(pad / 2, k.cautionPanel, k.caution));
    }
    if (!ex.note.empty()) {
        out.push_back(k.space(s * 0.5));
        const double pad = 8;
        out.push_back(k.space(pad / 2, k.panel, k.accent));
        append(k.lines("From your physiotherapist:", FontFace::Bold, s, k.text, pad, width - pad, k.panel, k.accent));
        append(k.lines(ex.note, FontFace::Regular, s, k.text, pad, width - pad, k.panel, k.accent));
        out.push_back(k.space(pad / 2, k.panel, k.accent));
    }
    return out;
}

Segment titleRow(LayoutKit& k, int number, const std::string& name, double width, bool continued)
{
    const double size = continued ? k.sizes.body : k.sizes.heading;
    const double badge = size * 1.7;
    const std::string text = continued ? name + " (continued)" : name;
    const auto wrapped = wrapText(k.m, FontFace::Bold, size, text, width - badge - 8);
    const double lh = k.lineHeight(size);
    const double height = std::max(badge, wrapped.size() * lh) + size * 0.5;
    const Color color = continued ? k.muted : k.text;
    return {height, 0, [&k, number, wrapped, size, badge, lh, color, continued](Page& page, double x, double top, double) {
                if (!continued) {
                    page.boxes.push_back(Circle{x + badge / 2, top - badge / 2, badge / 2, k.accent, std::nullopt, 0});
                    const std::string n = std::to_string(number);
                    const double nw = k.m.width(FontFace::Bold, size, n);
                    page.boxes.push_back(TextRun{x + (badge - nw) / 2, top - badge / 2 - size * 0.36, FontFace::Bold,
                                                 size, Color{1, 1, 1}, n});
                }
                double lineTop = top + (continued ? 0 : (lh - badge) / 2 - (wrapped.size() > 1 ? 0 : 0));
                for (const std::string& line : wrapped) {
                    page.boxes.push_back(TextRun{x + (continued ? 0 : badge + 8), k.baseline(lineTop, size),
                                                 FontFace::Bold, size, color, line});
                    lineTop -= lh;
                }
            }};
}

Block exerciseBlock(LayoutKit& k, const HandoutExercise& ex, int number, double columnWidth)
{
    const bool beside = k.t.figure == FigurePlacement::Beside && !k.largePrint;
    const Qr qr = makeQr(k, ex);
    Block block;
    block.gapAfter = k.sizes.body * 1.2;
    const std::string name = std::to_string(number) + ". " + ex.name;
    block.continued = [&k, name, columnWidth] { return titleRow(k, 0, name, columnWidth, true); };
    Segment title = titleRow(k, number, ex.name, columnWidth, false);

    if (beside) {
        const double figW = std::min(mm(k.t.figureWidthMm), columnWidth * 0.42);
        const double gap = 12;
        const double textX = figW + gap;
        const double textW = columnWidth - textX;
        const int perRow = ex.figure ? posesPerRow(*ex.figure, 2) : 1;
        const Picture pic{ex, k, figW, perRow, figW};
        const double picH = pic.height();
        const double qrH = qr.matrix ? qr.size + k.sizes.small * 2.4 : 0;
        const double leftH = picH + (picH > 0 && qrH > 0 ? 8 : 0) + qrH;
        std::vector<Segment> lines = bodyLines(k, ex, textW);
        // Title, picture, QR code and the lines beside them stay together; at least the dosage.
        std::size_t inHead = 0;
        double besideH = 0;
        const std::size_t dosageLines = std::max<std::size_t>(1, k.lines(ex.dosage, FontFace::Bold, k.sizes.body,
                                                                         k.accent, 0, textW).size());
        while (inHead < lines.size() && (inHead < dosageLines || besideH + lines[inHead].height <= leftH)) {
            besideH += lines[inHead].height;
            ++inHead;
        }
        std::vector<Segment> headLines(lines.begin(), lines.begin() + static_cast<std::ptrdiff_t>(inHead));
        // The text goes on right under the lines beside the picture; the picture's full
        // height is reserved so that it never runs off the page, and the block ends below it.
        const double headH = title.height + besideH;
        double restH = 0;
        for (std::size_t i = inHead; i < lines.size(); ++i)
            restH += lines[i].height;
        const double smallSize = k.sizes.small;
        block.segments.push_back({headH, 0, [&k, title, pic, qr, headLines, textX, picH, smallSize](
                                             Page& page, double x, double top, double width) {
                                      title.draw(page, x, top, width);
                                      const double bodyTop = top - title.height;
                                      pic.draw(page, x, bodyTop);
                                      if (qr.matrix) {
                                          const double qrTop = bodyTop - picH - (picH > 0 ? 8 : 0);
                                          drawQr(page, qr, x + (pic.width - qr.size) / 2, qrTop);
                                          const std::string caption = "Scan to watch the video";
                                          const double cw = k.m.width(FontFace::Regular, smallSize, caption);
                                          page.boxes.push_back(TextRun{x + (pic.width - cw) / 2,
                                                                       qrTop - qr.size - smallSize * 1.3,
                                                                       FontFace::Regular, smallSize, k.muted, caption});
                                      }
                                      double y = bodyTop;
                                      for (const Segment& s : headLines) {
                                          s.draw(page, x + textX, y, width - textX);
                                          y -= s.height;
                                      }
                                  }});
        block.segments.back().reserve = title.height + leftH;
        for (std::size_t i = inHead; i < lines.size(); ++i) {
            const Segment s = lines[i];
            block.segments.push_back({s.height, 0, [s, textX](Page& page, double x, double top, double width) {
                                          s.draw(page, x + textX, top, width - textX);
                                      }});
        }
        if (besideH + restH < leftH)
            block.segments.push_back(k.space(leftH - besideH - restH));
        block.keepTogether = 1;
        return block;
    }

    // Picture above the text, across the column.
    const double maxPanel = k.largePrint ? mm(55) : (k.t.columns > 1 ? mm(30) : mm(42));
    const Picture pic{ex, k, columnWidth, 4, maxPanel};
    const double picH = pic.height();
    std::vector<Segment> lines = bodyLines(k, ex, columnWidth);
    const std::size_t dosageLines =
        std::max<std::size_t>(1, k.lines(ex.dosage, FontFace::Bold, k.sizes.body, k.accent, 0, columnWidth).size());
    block.segments.push_back(title);
    block.segments.push_back({picH + (picH > 0 ? 6 : 0), 0,
                              [pic](Page& page, double x, double top, double) { pic.draw(page, x, top); }});
    for (std::size_t i = 0; i < lines.size(); ++i)
        block.segments.push_back(lines[i]);
    block.keepTogether = 2 + std::min(dosageLines, lines.size());
    if (qr.matrix) {
        const double smallSize = k.sizes.small;
        const double captionW = columnWidth - qr.size - 10;
        const auto caption = wrapText(k.m, FontFace::Regular, smallSize,
                                      "Scan this code with your phone's camera to watch a video of the exercise: " +
                                          ex.videoUrl,
                                      captionW);
        block.segments.push_back(k.space(6));
        block.segments.push_back({qr.size + 4, 0, [&k, qr, caption, smallSize](Page& page, double x, double top, double) {
                                      drawQr(page, qr, x, top);
                                      double y = top - smallSize * 1.2;
                                      for (const std::string& line : caption) {
                                          page.boxes.push_back(TextRun{x + qr.size + 10, y, FontFace::Regular,
                                                                       smallSize, k.muted, line});
                                          y -= smallSize * 1.3;
                                      }
                                  }});
    }
    return block;
}

} // namespace

void exerciseSection(LayoutKit& k, Flow& flow, const HandoutContent& c)
{
    flow.gap(k.sizes.body * 0.6);
    Block heading;
    for (Segment& s : k.lines("Your exercises", FontFace::Bold, k.sizes.heading, k.accent, 0, flow.columnWidth()))
        heading.segments.push_back(std::move(s));
    heading.segments.push_back(k.ruleLine(k.accent, 0.8, 2));
    for (Segment& s : k.lines("Do them in this order. Move slowly, breathe, and ease off if pain spreads or gets sharply "
                              "worse.",
                              FontFace::Regular, k.sizes.small, k.muted, 0, flow.columnWidth()))
        heading.segments.push_back(std::move(s));
    heading.segments.push_back(k.space(k.sizes.body * 0.6));
    heading.keepTogether = heading.segments.size();
    flow.place(heading);
    int number = 0;
    for (const HandoutExercise& ex : c.exercises)
        flow.place(exerciseBlock(k, ex, ++number, flow.columnWidth()));
}

} // namespace sp::handout
