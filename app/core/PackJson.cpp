#include "core/PackJson.h"

#include "core/JsonReader.h"

#include <set>

namespace sp {

bool isValidVersion(std::string_view v)
{
    int parts = 0;
    std::size_t digits = 0;
    for (char c : v) {
        if (c >= '0' && c <= '9') {
            ++digits;
        } else if (c == '.' && digits > 0) {
            ++parts;
            digits = 0;
        } else {
            return false;
        }
    }
    return parts == 2 && digits > 0 && v.size() <= 32;
}

std::optional<PackManifest> parseManifest(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    PackManifest m;
    if (auto kind = r.text("kind", {1, 60}); kind && *kind != "exercise-pack")
        sink.add(r.pointerOf("kind"), quoteValue(Json(*kind)) + " is not a kind this loader reads (\"exercise-pack\")");
    if (auto id = r.id("id"))
        m.id = *id;
    if (auto name = r.text("name", {1, 120}))
        m.name = *name;
    if (auto version = r.text("version", {1, 32})) {
        if (isValidVersion(*version))
            m.version = *version;
        else
            sink.add(r.pointerOf("version"), quoteValue(Json(*version)) + " is not a MAJOR.MINOR.PATCH version");
    }
    if (auto api = r.integer("api", 1, 1'000'000)) {
        if (*api > kPackApi)
            sink.add(r.pointerOf("api"), "pack needs api " + std::to_string(*api) + ", but this StretchPlan reads api " +
                                             std::to_string(kPackApi) + " at most; update StretchPlan to load it");
        else
            m.api = static_cast<int>(*api);
    }
    if (auto author = r.text("author", {1, 120}))
        m.author = *author;
    if (auto license = r.text("license", {1, 120}))
        m.license = *license;
    if (auto description = r.text("description", {1, 2000}))
        m.description = *description;
    r.finish();
    return sink.count() == before ? std::optional(std::move(m)) : std::nullopt;
}

namespace {

// Reports an id already used earlier in the same list.
void checkUnique(std::set<std::string>& seen, const std::string& id, const std::string& pointer, ProblemSink& sink)
{
    if (!seen.insert(id).second)
        sink.add(pointer, "duplicate id \"" + id + "\"");
}

} // namespace

std::optional<PackGuidance> parseGuidance(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    PackGuidance g;
    std::set<std::string> sectionIds;
    if (const Json* sections = r.array("sections", {0, 20})) {
        for (std::size_t i = 0; i < sections->size(); ++i) {
            ObjectReader s((*sections)[i], r.pointerOf("sections") + "/" + std::to_string(i), sink);
            GuidanceSection section;
            if (auto id = s.id("id")) {
                section.id = *id;
                checkUnique(sectionIds, *id, s.pointerOf("id"), sink);
            }
            if (auto title = s.text("title", {1, 120}))
                section.title = *title;
            if (auto paragraphs = s.textList("paragraphs", {1, 10}, {1, 2000}))
                section.paragraphs = *paragraphs;
            s.finish();
            g.sections.push_back(std::move(section));
        }
    }
    std::set<std::string> flagIds;
    if (const Json* flags = r.array("red_flags", {0, 30})) {
        for (std::size_t i = 0; i < flags->size(); ++i) {
            ObjectReader f((*flags)[i], r.pointerOf("red_flags") + "/" + std::to_string(i), sink);
            RedFlag flag;
            if (auto id = f.id("id")) {
                flag.id = *id;
                checkUnique(flagIds, *id, f.pointerOf("id"), sink);
            }
            if (auto text = f.text("text", {1, 500}))
                flag.text = *text;
            f.finish();
            g.redFlags.push_back(std::move(flag));
        }
    }
    r.finish();
    return sink.count() == before ? std::optional(std::move(g)) : std::nullopt;
}

Json toJson(const PackManifest& m)
{
    return {{"kind", "exercise-pack"}, {"id", m.id},         {"name", m.name},
            {"version", m.version},    {"api", m.api},       {"author", m.author},
            {"license", m.license},    {"description", m.description}};
}

Json toJson(const PackGuidance& g)
{
    Json sections = Json::array();
    for (const auto& s : g.sections)
        sections.push_back({{"id", s.id}, {"title", s.title}, {"paragraphs", s.paragraphs}});
    Json flags = Json::array();
    for (const auto& f : g.redFlags)
        flags.push_back({{"id", f.id}, {"text", f.text}});
    return {{"sections", sections}, {"red_flags", flags}};
}

} // namespace sp
