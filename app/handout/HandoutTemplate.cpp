#include "handout/HandoutTemplate.h"

#include "core/JsonReader.h"

#include <set>

namespace sp::handout {

std::optional<Color> parseHexColor(std::string_view t)
{
    if (t.size() != 7 || t[0] != '#')
        return std::nullopt;
    int v[3];
    for (int i = 0; i < 3; ++i) {
        int n = 0;
        for (int k = 0; k < 2; ++k) {
            const char c = t[1 + i * 2 + k];
            int d;
            if (c >= '0' && c <= '9')
                d = c - '0';
            else if (c >= 'a' && c <= 'f')
                d = c - 'a' + 10;
            else if (c >= 'A' && c <= 'F')
                d = c - 'A' + 10;
            else
                return std::nullopt;
            n = n * 16 + d;
        }
        v[i] = n;
    }
    return Color{v[0] / 255.0, v[1] / 255.0, v[2] / 255.0};
}

namespace {

void readSizes(ObjectReader& parent, std::string_view key, TypeSizes& sizes, ProblemSink& sink)
{
    const Json* v = parent.member(key);
    if (!v)
        return;
    ObjectReader r(*v, parent.pointerOf(key), sink);
    if (auto n = r.number("title_pt", 8, 48))
        sizes.title = *n;
    if (auto n = r.number("heading_pt", 7, 36))
        sizes.heading = *n;
    if (auto n = r.number("body_pt", 6, 28))
        sizes.body = *n;
    if (auto n = r.number("small_pt", 5, 20))
        sizes.small = *n;
    r.finish();
}

void readColor(ObjectReader& r, std::string_view key, Color& target)
{
    if (auto text = r.text(key, {7, 7})) {
        if (auto c = parseHexColor(*text))
            target = *c;
        else
            r.sink().add(r.pointerOf(key), quoteValue(Json(*text)) + " is not a colour (#RRGGBB)");
    }
}

} // namespace

std::optional<HandoutTemplate> parseHandoutTemplate(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    HandoutTemplate t;
    if (auto kind = r.text("kind", {1, 60}); kind && *kind != "handout-template")
        sink.add(r.pointerOf("kind"), quoteValue(Json(*kind)) + " is not a kind this loader reads (\"handout-template\")");
    if (auto id = r.id("id"))
        t.id = *id;
    if (auto name = r.text("name", {1, 60}))
        t.name = *name;
    if (auto d = r.text("description", {1, 500}))
        t.description = *d;
    if (auto c = r.integer("columns", 1, 2))
        t.columns = static_cast<int>(*c);
    if (auto f = r.enumeration<FigurePlacement>("figure"))
        t.figure = *f;
    if (auto w = r.number("figure_width_mm", 20, 120))
        t.figureWidthMm = *w;
    if (auto q = r.number("qr_size_mm", 12, 40))
        t.qrSizeMm = *q;
    if (auto s = r.number("line_spacing", 1.0, 2.0))
        t.lineSpacing = *s;
    if (const Json* m = r.member("margins_mm")) {
        ObjectReader mr(*m, r.pointerOf("margins_mm"), sink);
        for (auto [key, target] : {std::pair{"top", &t.marginTopMm}, std::pair{"bottom", &t.marginBottomMm},
                                   std::pair{"left", &t.marginLeftMm}, std::pair{"right", &t.marginRightMm}})
            if (auto v = mr.number(key, 8, 40))
                *target = *v;
        mr.finish();
    }
    readSizes(r, "text", t.normal, sink);
    readSizes(r, "large_print", t.largePrint, sink);
    if (t.largePrint.body < kLargePrintMinBody)
        sink.add(r.pointerOf("large_print") + "/body_pt",
                 "large print needs body text of at least " + std::to_string(int(kLargePrintMinBody)) + " pt");
    if (const Json* c = r.member("colors")) {
        ObjectReader cr(*c, r.pointerOf("colors"), sink);
        readColor(cr, "text", t.text);
        readColor(cr, "muted", t.muted);
        readColor(cr, "rule", t.rule);
        readColor(cr, "panel", t.panel);
        cr.finish();
    }
    if (const Json* list = r.array("sections", {1, 6})) {
        std::set<Section> seen;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const std::string at = r.pointerOf("sections") + "/" + std::to_string(i);
            if (auto s = ObjectReader::enumValue<Section>((*list)[i], at, sink)) {
                if (!seen.insert(*s).second)
                    sink.add(at, quoteValue((*list)[i]) + " is listed twice");
                else
                    t.sections.push_back(*s);
            }
        }
        if (!seen.contains(Section::Exercises) && !list->empty() && sink.count() == before)
            sink.add(r.pointerOf("sections"), "must include \"exercises\"");
    }
    r.finish();
    return sink.count() == before ? std::optional(std::move(t)) : std::nullopt;
}

} // namespace sp::handout
