#include "core/PlanJson.h"

#include "core/ExerciseJson.h"
#include "core/JsonReader.h"

#include <cstdint>

namespace sp {
namespace {

constexpr ListRule kGoals{0, kMaxGoals};
constexpr ListRule kItems{1, kMaxPlanItems};
constexpr TextRule kGoal{1, 300};
constexpr TextRule kTitle{1, 200};

// Free text (notes, reasons) may hold any character, including newlines; only its
// length is capped. JSON has already checked the UTF-8.
std::optional<std::string> freeText(ObjectReader& r, std::string_view key, std::size_t maxChars)
{
    const Json* v = r.member(key, Presence::Optional);
    if (!v)
        return std::nullopt;
    if (!v->is_string()) {
        r.sink().add(r.pointerOf(key), "expected a string, got " + typeName(*v));
        return std::nullopt;
    }
    const auto& s = v->get_ref<const std::string&>();
    if (utf8Length(s) > maxChars) {
        r.sink().add(r.pointerOf(key), "is too long (" + std::to_string(utf8Length(s)) + " characters, at most " +
                                           std::to_string(maxChars) + ")");
        return std::nullopt;
    }
    return s;
}

std::vector<PlanItemSpec> parseItems(ObjectReader& r, bool allowSnapshots)
{
    std::vector<PlanItemSpec> items;
    const Json* list = r.array("items", kItems);
    if (!list)
        return items;
    for (std::size_t i = 0; i < list->size(); ++i) {
        ObjectReader item((*list)[i], r.pointerOf("items") + "/" + std::to_string(i), r.sink());
        PlanItemSpec spec;
        if (auto id = item.text("exercise", {1, 129})) {
            if (parseIdRef(*id))
                spec.exercise = *id;
            else
                item.sink().add(item.pointerOf("exercise"), quoteValue(Json(*id)) + " is not an exercise id");
        }
        if (const Json* dosage = item.member("dosage", Presence::Optional))
            if (auto overrides = parseDosageOverrides(*dosage, item.pointerOf("dosage"), item.sink()))
                spec.dosage = *overrides;
        spec.note = freeText(item, "note", 1000);
        if (allowSnapshots) {
            if (const Json* snap = item.member("snapshot", Presence::Optional)) {
                // Held to the rules of a pack's exercise file; problems inside the
                // snapshot are reported below its pointer.
                std::vector<Problem> inner;
                ProblemSink innerSink(item.sink().file(), inner);
                auto exercise = parseExercise(*snap, innerSink);
                if (exercise)
                    checkMediaPaths(*exercise, innerSink);
                for (Problem& p : inner)
                    item.sink().add(item.pointerOf("snapshot") + p.pointer, p.message);
                if (exercise && inner.empty()) {
                    const auto ref = parseIdRef(spec.exercise);
                    exercise->pack = ref ? ref->pack : "";
                    spec.snapshot = std::move(*exercise);
                }
            }
        }
        item.finish();
        items.push_back(std::move(spec));
    }
    return items;
}

Json dosageJson(const Dosage& d)
{
    return toJson(d);
}

} // namespace

std::optional<DosageOverrides> parseDosageOverrides(const Json& value, const std::string& pointer, ProblemSink& sink)
{
    ObjectReader r(value, pointer, sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    DosageOverrides o;
    for (const DosageField& f : kDosageFields)
        if (auto n = r.integer(f.key, f.min, f.max, Presence::Optional))
            o.values[std::string(f.key)] = static_cast<int>(*n);
    o.side = r.enumeration<Side>("side", Presence::Optional);
    r.finish();
    return sink.count() == before ? std::optional(o) : std::nullopt;
}

Json planFileJson(const Plan& plan, const Patient& patient, const PlanRevision& revision)
{
    Json items = Json::array();
    for (const PlanItem& item : revision.items) {
        Json snapshot = toJson(item.snapshot);
        items.push_back({{"exercise", item.exerciseId},
                         {"dosage", dosageJson(item.dosage)},
                         {"note", item.note},
                         {"snapshot", snapshot}});
    }
    Json rev{{"number", revision.number}, {"reason", revision.reason}, {"goals", revision.goals}};
    if (!revision.createdAt.empty())
        rev["created_at"] = revision.createdAt;
    if (!revision.author.empty())
        rev["author"] = revision.author;
    return {{"format", "stretchplan-plan"},
            {"format_version", kPlanFormatVersion},
            {"patient", {{"id", patient.id}, {"name", patient.name}}},
            {"plan", {{"id", plan.id}, {"title", plan.title}, {"status", toString(plan.status)}}},
            {"revision", rev},
            {"items", items}};
}

std::optional<PlanSpec> parsePlanFile(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    PlanSpec spec;
    if (auto format = r.text("format", {1, 60}); format && *format != "stretchplan-plan")
        sink.add(r.pointerOf("format"), quoteValue(Json(*format)) + " is not a StretchPlan plan file");
    if (auto version = r.integer("format_version", 1, 1'000'000); version && *version > kPlanFormatVersion)
        sink.add(r.pointerOf("format_version"), "this plan file needs format version " + std::to_string(*version) +
                                                    "; this StretchPlan reads " + std::to_string(kPlanFormatVersion));
    if (const Json* patient = r.member("patient", Presence::Optional)) {
        ObjectReader p(*patient, r.pointerOf("patient"), sink);
        if (auto id = p.integer("id", 1, INT64_MAX, Presence::Optional))
            spec.patientId = *id;
        if (auto name = p.text("name", {1, kMaxPatientNameChars}, Presence::Optional))
            spec.patientName = *name;
        p.finish();
    }
    if (const Json* plan = r.member("plan")) {
        ObjectReader p(*plan, r.pointerOf("plan"), sink);
        if (auto title = p.text("title", kTitle))
            spec.title = *title;
        p.integer("id", 1, INT64_MAX, Presence::Optional);                // informational
        p.enumeration<PlanStatus>("status", Presence::Optional);         // informational
        p.finish();
    }
    if (const Json* revision = r.member("revision", Presence::Optional)) {
        ObjectReader rv(*revision, r.pointerOf("revision"), sink);
        spec.reason = freeText(rv, "reason", 500).value_or("");
        if (auto goals = rv.textList("goals", kGoals, kGoal, Presence::Optional))
            spec.goals = *goals;
        rv.integer("number", 1, 1'000'000, Presence::Optional);         // informational
        if (auto at = rv.text("created_at", {1, 40}, Presence::Optional))
            spec.createdAt = *at;
        if (auto author = rv.text("author", {1, 200}, Presence::Optional))
            spec.author = *author;
        rv.finish();
    }
    spec.items = parseItems(r, true);
    r.finish();
    return sink.count() == before ? std::optional(std::move(spec)) : std::nullopt;
}

std::optional<PlanTemplate> parsePlanTemplate(const Json& document, ProblemSink& sink)
{
    ObjectReader r(document, "", sink);
    if (!r.isObject())
        return std::nullopt;
    const std::size_t before = sink.count();
    PlanTemplate t;
    if (auto kind = r.text("kind", {1, 60}); kind && *kind != "plan-template")
        sink.add(r.pointerOf("kind"), quoteValue(Json(*kind)) + " is not a kind this loader reads (\"plan-template\")");
    if (auto id = r.id("id"))
        t.id = *id;
    if (auto title = r.text("title", kTitle))
        t.title = *title;
    if (auto description = r.text("description", {1, 2000}))
        t.description = *description;
    if (auto goals = r.textList("goals", kGoals, kGoal))
        t.goals = *goals;
    t.items = parseItems(r, false);
    r.finish();
    return sink.count() == before ? std::optional(std::move(t)) : std::nullopt;
}

} // namespace sp
