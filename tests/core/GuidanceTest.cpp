// Every guidance rule, each with cases that must trigger it and cases that must not.
#include "Fixtures.h"

#include "core/Guidance.h"
#include "core/GuidanceSettings.h"

#include <boost/test/unit_test.hpp>

#include <cmath>

using namespace sp;
using sp::test::Problems;

namespace {

const Date kToday = *Date::parse("2026-11-24");

Exercise make(std::string id, std::string name, ExerciseType type, Direction dir, Side side,
              std::vector<std::string> aliases = {})
{
    Exercise e;
    e.id = std::move(id);
    e.name = std::move(name);
    e.type = type;
    e.directions = {dir};
    e.dosage = Dosage{1, 10, 0, 0, 1, 7, side, 3};
    e.aliases = std::move(aliases);
    return e;
}

struct GuidanceFixture {
    Catalog catalog;
    Patient patient;
    std::vector<FollowUpNote> notes;
    GuidanceThresholds thresholds;

    GuidanceFixture()
    {
        CatalogPack pack;
        pack.manifest.id = "t";
        pack.guidance.redFlags = {{"night-pain", "Severe pain at night that does not ease."}};
        catalog.addPack(pack, {make("flex", "Knee hug", ExerciseType::ActiveStretch, Direction::Flexion, Side::Each),
                               make("ext", "Press-up", ExerciseType::Mobility, Direction::Extension, Side::Both,
                                    {"prone extension"}),
                               make("rot", "Seated turn", ExerciseType::Mobility, Direction::Rotation, Side::Each),
                               make("side", "Side release", ExerciseType::Release, Direction::LateralFlexion, Side::Each),
                               make("act", "Bridge", ExerciseType::Activation, Direction::Neutral, Side::Both),
                               make("ext2", "Hip flexor stretch", ExerciseType::ActiveStretch, Direction::Extension,
                                    Side::Each),
                               make("flex2", "Hamstring stretch", ExerciseType::ActiveStretch, Direction::Flexion,
                                    Side::Each)});
        patient.name = "P";
        patient.preference = DirectionalPreference::None;
        patient.screening = RedFlagScreening{kToday, {{"t/night-pain", false}}};
    }

    PlanRevision plan(const std::vector<std::string>& ids) const
    {
        PlanRevision r;
        for (const std::string& id : ids) {
            const Exercise* ex = catalog.find("t/" + id);
            BOOST_TEST_REQUIRE(ex);
            r.items.push_back({ex->qualifiedId(), *ex, ex->dosage, ""});
        }
        return r;
    }
    // A plan that moves in every direction and pairs release with activation.
    PlanRevision balanced() const { return plan({"flex", "ext", "rot", "side", "act"}); }

    std::vector<Finding> run(const PlanRevision& r) const
    {
        return evaluate(r, patient, notes, catalog, thresholds, kToday);
    }
    static const Finding* find(const std::vector<Finding>& fs, const std::string& code)
    {
        for (const Finding& f : fs)
            if (f.code == code)
                return &f;
        return nullptr;
    }
    static std::size_t count(const std::vector<Finding>& fs, const std::string& codePrefix)
    {
        std::size_t n = 0;
        for (const Finding& f : fs)
            n += f.code.rfind(codePrefix, 0) == 0 ? 1 : 0;
        return n;
    }
    void addNote(const std::string& date, int pain)
    {
        FollowUpNote n;
        n.id = static_cast<std::int64_t>(notes.size() + 1);
        n.visitDate = *Date::parse(date);
        n.painNow = pain;
        notes.push_back(n);
    }
};

bool suggests(const Finding& f, const std::string& id)
{
    return std::find(f.suggestions.begin(), f.suggestions.end(), id) != f.suggestions.end();
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(guidance, GuidanceFixture)

BOOST_AUTO_TEST_CASE(a_balanced_plan_for_a_screened_patient_has_no_findings)
{
    const auto fs = run(balanced());
    for (const Finding& f : fs)
        BOOST_ERROR(f.code << ": " << f.message);
}

BOOST_AUTO_TEST_CASE(extension_relieves_warns_on_each_flexion_exercise_and_suggests_safe_ones)
{
    patient.preference = DirectionalPreference::ExtensionRelieves;
    const auto fs = run(plan({"flex", "ext", "rot", "side", "act"}));
    const Finding* f = find(fs, "direction.flexion-vs-extension-preference");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(static_cast<int>(f->severity) == static_cast<int>(Severity::Warning));
    BOOST_TEST(f->items == std::vector<std::string>{"t/flex"});
    BOOST_TEST(f->message.find("Knee hug") != std::string::npos);
    BOOST_TEST(suggests(*f, "t/ext2"));   // same type, no flexion
    BOOST_TEST(!suggests(*f, "t/flex2")); // flexion: ruled out
    BOOST_TEST(count(fs, "direction.") == 1u);
}

BOOST_AUTO_TEST_CASE(extension_relieves_is_quiet_for_an_extension_plan)
{
    patient.preference = DirectionalPreference::ExtensionRelieves;
    BOOST_TEST(count(run(plan({"ext", "ext2", "rot", "side", "act"})), "direction.") == 0u);
}

BOOST_AUTO_TEST_CASE(flexion_relieves_warns_on_extension_exercises_by_name)
{
    patient.preference = DirectionalPreference::FlexionRelieves;
    const auto fs = run(plan({"ext", "ext2", "rot", "side", "act", "flex"}));
    BOOST_TEST(count(fs, "direction.extension-vs-flexion-preference") == 2u);
    std::string messages;
    for (const Finding& f : fs)
        messages += f.message;
    BOOST_TEST(messages.find("Press-up") != std::string::npos);
    BOOST_TEST(messages.find("Hip flexor stretch") != std::string::npos);
    BOOST_TEST(count(run(plan({"flex", "rot", "side", "act"})), "direction.") == 0u);
}

BOOST_AUTO_TEST_CASE(unknown_preference_is_an_information_finding)
{
    patient.preference = DirectionalPreference::Unknown;
    const auto fs = run(balanced());
    const Finding* f = find(fs, "direction.preference-unknown");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(static_cast<int>(f->severity) == static_cast<int>(Severity::Info));
}

BOOST_AUTO_TEST_CASE(movement_balance_reports_each_missing_direction_with_suggestions)
{
    const auto fs = run(plan({"flex", "side", "act"}));
    const Finding* rot = find(fs, "balance.missing-rotation");
    BOOST_TEST_REQUIRE(rot);
    BOOST_TEST(suggests(*rot, "t/rot"));
    const Finding* ext = find(fs, "balance.missing-extension");
    BOOST_TEST_REQUIRE(ext);
    BOOST_TEST(suggests(*ext, "t/ext"));
    BOOST_TEST(!find(fs, "balance.missing-flexion"));
    BOOST_TEST(!find(fs, "balance.missing-lateral-flexion"));
}

BOOST_AUTO_TEST_CASE(movement_balance_respects_the_preference)
{
    patient.preference = DirectionalPreference::ExtensionRelieves;
    const auto fs = run(plan({"ext", "side", "act"}));
    BOOST_TEST(!find(fs, "balance.missing-flexion")); // ruled out, not missing
    const Finding* rot = find(fs, "balance.missing-rotation");
    BOOST_TEST_REQUIRE(rot);
    for (const std::string& s : rot->suggestions)
        BOOST_TEST(!catalog.find(s)->hasDirection(Direction::Flexion), s);
}

BOOST_AUTO_TEST_CASE(release_without_active_work_is_suggested_once)
{
    BOOST_TEST(!find(run(plan({"side", "ext", "rot", "flex"})), "balance.release-without-active-work")); // active
    const auto fs = run(plan({"side", "ext", "rot"}));
    const Finding* f = find(fs, "balance.release-without-active-work");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(f->items == std::vector<std::string>{"t/side"});
    BOOST_TEST(suggests(*f, "t/flex"));
    BOOST_TEST(!find(run(plan({"ext", "rot"})), "balance.release-without-active-work")); // no release at all
}

BOOST_AUTO_TEST_CASE(session_time_adds_work_holds_rest_and_transitions)
{
    PlanRevision r = plan({"ext", "rot"});
    r.items[0].dosage = Dosage{2, 10, 5, 30, 3, 7, Side::Both, 3};  // 2*10*(3+5)=160 + 30 rest + 30 = 220 s
    r.items[1].dosage = Dosage{1, 8, 0, 0, 1, 5, Side::Each, 4};    // 2*1*8*4=64 + 0 + 30 = 94 s
    const SessionEstimate e = estimateSession(r, thresholds);
    BOOST_TEST(e.itemSeconds.at(0) == 220.0);
    BOOST_TEST(e.itemSeconds.at(1) == 94.0);
    BOOST_TEST(std::abs(e.sessionMinutes - 314.0 / 60) < 1e-9);
    BOOST_TEST(std::abs(e.weeklyMinutes - (220.0 * 21 + 94.0 * 5) / 60) < 1e-9);
}

BOOST_AUTO_TEST_CASE(long_sessions_and_long_plans_are_warnings)
{
    PlanRevision r = balanced();
    BOOST_TEST(!find(run(r), "time.session-too-long"));
    r.items[0].dosage = Dosage{5, 30, 10, 60, 1, 7, Side::Each, 4}; // 2*5*30*14 = 70 minutes
    BOOST_TEST(find(run(r), "time.session-too-long"));
    thresholds.maxExercises = 5;
    BOOST_TEST(!find(run(balanced()), "time.too-many-exercises"));
    thresholds.maxExercises = 4;
    BOOST_TEST(find(run(balanced()), "time.too-many-exercises"));
}

BOOST_AUTO_TEST_CASE(extreme_or_contradictory_dosage_is_a_warning)
{
    PlanRevision r = balanced();
    BOOST_TEST(count(run(r), "dosage.") == 0u);
    r.items[1].dosage.hold_s = 121; // ext
    r.items[2].dosage.sets = 6;     // rot
    r.items[4].dosage.side = Side::Left; // act is bilateral
    r.items[0].dosage.side = Side::Both; // flex is one-sided
    r.items[3].dosage.perDay = 7;
    const auto fs = run(r);
    BOOST_TEST(find(fs, "dosage.long-hold"));
    BOOST_TEST(find(fs, "dosage.many-sets"));
    BOOST_TEST(find(fs, "dosage.side-for-bilateral")->items == std::vector<std::string>{"t/act"});
    BOOST_TEST(find(fs, "dosage.both-for-one-sided")->items == std::vector<std::string>{"t/flex"});
    BOOST_TEST(find(fs, "dosage.many-sessions"));
    r = balanced();
    r.items[1].dosage.hold_s = 120;
    r.items[1].dosage.sets = 5;
    r.items[1].dosage.reps = 20; // 100 a session: at the limit
    r.items[1].dosage.rest_s = 30;
    BOOST_TEST(count(run(r), "dosage.") == 0u);
    r.items[1].dosage.reps = 21;
    BOOST_TEST(find(run(r), "dosage.high-volume"));
}

BOOST_AUTO_TEST_CASE(long_holds_in_several_sets_need_rest_between_them)
{
    PlanRevision r = balanced();
    r.items[1].dosage = Dosage{2, 3, 30, 0, 1, 7, Side::Both, 3};
    BOOST_TEST(find(run(r), "dosage.no-rest"));
    r.items[1].dosage.rest_s = 20;
    BOOST_TEST(!find(run(r), "dosage.no-rest"));
    r.items[1].dosage = Dosage{1, 3, 30, 0, 1, 7, Side::Both, 3}; // one set: nothing to rest between
    BOOST_TEST(!find(run(r), "dosage.no-rest"));
}

BOOST_AUTO_TEST_CASE(missing_old_or_positive_screening_blocks)
{
    BOOST_TEST(!hasBlocker(run(balanced())));
    patient.screening->date = kToday.plusDays(-90);
    BOOST_TEST(!hasBlocker(run(balanced())));
    patient.screening->date = kToday.plusDays(-91);
    BOOST_TEST(find(run(balanced()), "redflag.screening-out-of-date"));
    patient.screening->date = kToday;
    patient.screening->answers[0].present = true;
    const auto fs = run(balanced());
    const Finding* f = find(fs, "redflag.present");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(f->message.find("Severe pain at night") != std::string::npos);
    BOOST_TEST(static_cast<int>(fs.front().severity) == static_cast<int>(Severity::Blocker)); // blockers first
    patient.screening.reset();
    BOOST_TEST(find(run(balanced()), "redflag.not-screened"));
    BOOST_TEST(hasBlocker(run(balanced())));
}

BOOST_AUTO_TEST_CASE(pain_rising_at_each_of_the_last_two_visits_is_a_warning)
{
    addNote("2026-10-01", 3);
    addNote("2026-10-15", 4);
    BOOST_TEST(!find(run(balanced()), "progress.pain-rising")); // one rise is not a trend
    addNote("2026-11-01", 5);
    BOOST_TEST(find(run(balanced()), "progress.pain-rising"));
    notes[1].painNow = 6; // 3 -> 6 -> 5: not rising at the last visit
    BOOST_TEST(!find(run(balanced()), "progress.pain-rising"));
}

BOOST_AUTO_TEST_CASE(visits_are_taken_in_date_order_whatever_order_they_come_in)
{
    addNote("2026-11-01", 5);
    addNote("2026-10-01", 3);
    addNote("2026-10-15", 4);
    BOOST_TEST(find(run(balanced()), "progress.pain-rising"));
}

BOOST_AUTO_TEST_CASE(adherence_under_half_suggests_a_shorter_program)
{
    addNote("2026-11-01", 3);
    notes.back().sessionsDone = 7;
    notes.back().sessionsPrescribed = 14;
    BOOST_TEST(!find(run(balanced()), "progress.low-adherence")); // exactly 50%
    notes.back().sessionsDone = 6;
    const auto fs = run(balanced());
    const Finding* f = find(fs, "progress.low-adherence");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(static_cast<int>(f->severity) == static_cast<int>(Severity::Info));
}

BOOST_AUTO_TEST_CASE(a_note_saying_an_exercise_makes_it_worse_flags_that_item)
{
    addNote("2026-11-01", 3);
    notes.back().subjective = "Bridge is fine. The prone extension makes my back worse in the morning.";
    const auto fs = run(balanced());
    const Finding* f = find(fs, "progress.exercise-aggravates");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(f->items == std::vector<std::string>{"t/ext"}); // named by its alias
    BOOST_TEST(count(fs, "progress.exercise-aggravates") == 1u); // "Bridge" is not in the same sentence

    notes.back().subjective = "Everything is worse this week.";
    BOOST_TEST(!find(run(balanced()), "progress.exercise-aggravates"));
    notes.back().subjective = "The seated turn helps.";
    BOOST_TEST(!find(run(balanced()), "progress.exercise-aggravates"));
    notes.back().assessment = "Seated turn aggravates the left side";
    BOOST_TEST(find(run(balanced()), "progress.exercise-aggravates")->items == std::vector<std::string>{"t/rot"});
}

BOOST_AUTO_TEST_CASE(the_end_of_a_name_is_enough_unless_two_exercises_share_it)
{
    addNote("2026-11-01", 3);
    notes.back().subjective = "The flexor stretch aggravates my hip.";
    PlanRevision r = plan({"ext2", "rot", "side", "act", "flex"});
    const auto fs = run(r);
    const Finding* f = find(fs, "progress.exercise-aggravates");
    BOOST_TEST_REQUIRE(f);
    BOOST_TEST(f->items == std::vector<std::string>{"t/ext2"}); // "Hip flexor stretch"
    notes.back().subjective = "Every stretch makes it worse.";
    BOOST_TEST(!find(run(r), "progress.exercise-aggravates")); // one word is not a name
    notes.back().subjective = "The hamstring stretch makes it worse.";
    r = plan({"flex2", "ext2", "rot"});
    BOOST_TEST(find(run(r), "progress.exercise-aggravates")->items == std::vector<std::string>{"t/flex2"});
}

BOOST_AUTO_TEST_CASE(only_the_latest_note_counts_for_aggravation)
{
    addNote("2026-10-01", 3);
    notes.back().subjective = "Knee hug makes it worse.";
    addNote("2026-11-01", 2);
    notes.back().subjective = "All good now.";
    BOOST_TEST(!find(run(balanced()), "progress.exercise-aggravates"));
}

BOOST_AUTO_TEST_CASE(thresholds_come_from_the_settings_file_with_defaults)
{
    Problems p;
    const auto t = parseGuidanceSettings(Json::parse(R"({"max_session_minutes": 30})"), p.sink);
    BOOST_TEST_REQUIRE(t.has_value());
    BOOST_TEST(t->maxSessionMinutes == 30);
    BOOST_TEST(t->maxExercises == 8);
    BOOST_TEST(t->screeningMaxAgeDays == 90);
    BOOST_TEST((*parseGuidanceSettings(toJson(GuidanceThresholds{}), p.sink) == GuidanceThresholds{}));

    Problems q;
    BOOST_TEST(!parseGuidanceSettings(Json::parse(R"({"max_sets": 0, "max_minutes": 5})"), q.sink));
    BOOST_TEST(q.has("/max_sets", "0 is out of range (1\u201310)"));
    BOOST_TEST(q.has("/max_minutes", "unknown field"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(screening_age)

BOOST_AUTO_TEST_CASE(a_screening_is_out_of_date_the_day_after_the_maximum_age)
{
    sp::GuidanceThresholds t;
    t.screeningMaxAgeDays = 90;
    sp::RedFlagScreening s;
    s.date = sp::Date{2026, 1, 1};
    BOOST_TEST(!sp::screeningOutOfDate(s, t, s.date.plusDays(90)));
    BOOST_TEST(sp::screeningOutOfDate(s, t, s.date.plusDays(91)));
}

BOOST_AUTO_TEST_SUITE_END()
