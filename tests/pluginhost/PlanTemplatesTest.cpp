// The plan templates shipped in templates/plans: each loads and every exercise in it
// resolves against the built-in catalog.
#include "PackFixtures.h"

#include "core/Guidance.h"
#include "pluginhost/PlanTemplates.h"
#include "pluginhost/PluginDirs.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::test;

BOOST_AUTO_TEST_SUITE(plan_templates)

BOOST_AUTO_TEST_CASE(shipped_templates_load_and_resolve_against_the_built_in_catalog)
{
    const PlanTemplateLoad load = loadPlanTemplates(builtInPlanTemplateDir());
    for (const Problem& p : load.problems)
        BOOST_ERROR(p.format());
    std::vector<std::string> ids;
    for (const PlanTemplate& t : load.templates)
        ids.push_back(t.id);
    BOOST_TEST((ids == std::vector<std::string>{"lumbar-acute-flare", "lumbar-extension-bias", "lumbar-full-routine"}));

    const CatalogLoad catalog = loadCatalog({{builtInPluginDir(), PluginOrigin::BuiltIn}});
    for (const PlanTemplate& t : load.templates) {
        FieldErrors errors;
        PlanRevision revision;
        revision.goals = t.goals;
        revision.items = resolveItems(t.items, catalog.catalog, errors);
        BOOST_TEST(errors.empty(), t.id << ": " << errors.summary());
        BOOST_TEST(validate(revision).empty(), t.id);
    }
}

BOOST_AUTO_TEST_CASE(the_full_routine_has_all_ten_and_the_extension_bias_no_flexion)
{
    const PlanTemplateLoad load = loadPlanTemplates(builtInPlanTemplateDir());
    const CatalogLoad catalog = loadCatalog({{builtInPluginDir(), PluginOrigin::BuiltIn}});
    for (const PlanTemplate& t : load.templates) {
        FieldErrors errors;
        const auto items = resolveItems(t.items, catalog.catalog, errors);
        if (t.id == "lumbar-full-routine")
            BOOST_TEST(items.size() == 10u);
        if (t.id == "lumbar-extension-bias")
            for (const PlanItem& item : items)
                BOOST_TEST(!item.snapshot.hasDirection(Direction::Flexion), item.exerciseId);
        if (t.id == "lumbar-acute-flare")
            BOOST_TEST(static_cast<int>(items.at(0).snapshot.type) == static_cast<int>(ExerciseType::Release));
    }
}

BOOST_AUTO_TEST_CASE(extension_bias_template_suits_extension_relieves_and_warns_for_flexion_relieves)
{
    const PlanTemplateLoad load = loadPlanTemplates(builtInPlanTemplateDir());
    const CatalogLoad catalog = loadCatalog({{builtInPluginDir(), PluginOrigin::BuiltIn}});
    PlanRevision plan;
    for (const PlanTemplate& t : load.templates) {
        if (t.id != "lumbar-extension-bias")
            continue;
        FieldErrors errors;
        plan.items = resolveItems(t.items, catalog.catalog, errors);
    }
    BOOST_TEST_REQUIRE(!plan.items.empty());
    const Date today = *Date::parse("2026-11-24");
    Patient patient;
    patient.screening = RedFlagScreening{today, {}};
    const auto directionFindings = [&](DirectionalPreference p) {
        patient.preference = p;
        std::vector<Finding> out;
        for (Finding& f : evaluate(plan, patient, {}, catalog.catalog, {}, today))
            if (f.code.rfind("direction.", 0) == 0)
                out.push_back(f);
        return out;
    };
    BOOST_TEST(directionFindings(DirectionalPreference::ExtensionRelieves).empty());
    const auto warnings = directionFindings(DirectionalPreference::FlexionRelieves);
    std::string named;
    for (const Finding& f : warnings) {
        BOOST_TEST(static_cast<int>(f.severity) == static_cast<int>(Severity::Warning));
        named += f.message + "\n";
    }
    BOOST_TEST(named.find("Prone press-up") != std::string::npos, named);
    BOOST_TEST(named.find("Cat-camel hold (extension only)") != std::string::npos, named);
    BOOST_TEST(named.find("Active hip flexor stretch") != std::string::npos, named);
}

BOOST_AUTO_TEST_CASE(broken_templates_are_reported_and_left_out)
{
    TempDir tmp;
    writeFile(tmp.path() / "a.json", R"({"kind": "plan-template", "id": "ok", "title": "Fine",
        "description": "d", "goals": [], "items": [{"exercise": "lumbar/bridge-hold"}]})");
    writeFile(tmp.path() / "b.json", R"({"kind": "plan-template", "id": "ok", "title": "Same id",
        "description": "d", "goals": [], "items": [{"exercise": "lumbar/bridge-hold"}]})");
    writeFile(tmp.path() / "c.json", R"({"kind": "plan-template", "id": "bad", "title": "",
        "description": "d", "goals": [], "items": []})");
    writeFile(tmp.path() / "d.json", "{ not json");
    const PlanTemplateLoad load = loadPlanTemplates(tmp.path());
    BOOST_TEST_REQUIRE(load.templates.size() == 1u);
    BOOST_TEST(load.templates[0].title == "Fine");
    std::vector<std::string> lines;
    for (const Problem& p : load.problems)
        lines.push_back(p.format());
    BOOST_TEST_REQUIRE(lines.size() == 4u);
    BOOST_TEST(lines[0] == "plans/b.json: /id: template id \"ok\" is already used by plans/a.json");
    BOOST_TEST(lines[1] == "plans/c.json: /title: must not be empty");
    BOOST_TEST(lines[2] == "plans/c.json: /items: must have at least one item");
    BOOST_TEST(lines[3].rfind("plans/d.json: ", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
