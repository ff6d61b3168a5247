// The guidance rules, one function each, in the order of the article's reasoning.
#include "core/Guidance.h"

#include "core/SnapshotDiff.h"
#include "core/TextFold.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

namespace sp {
namespace {

struct Context {
    const PlanRevision& plan;
    const Patient& patient;
    const std::vector<FollowUpNote>& notes; // oldest visit first
    const Catalog& catalog;
    const GuidanceThresholds& t;
    const Date& today;
    std::vector<Finding>& out;
};

std::optional<Direction> excludedDirection(DirectionalPreference p)
{
    switch (p) {
    case DirectionalPreference::ExtensionRelieves: return Direction::Flexion;
    case DirectionalPreference::FlexionRelieves: return Direction::Extension;
    default: return std::nullopt;
    }
}

bool inPlan(const PlanRevision& plan, const std::string& qualifiedId)
{
    return std::any_of(plan.items.begin(), plan.items.end(),
                       [&](const PlanItem& i) { return i.exerciseId == qualifiedId; });
}

// Catalog exercises not yet in the plan that match `wanted`, never one moving in the
// direction the patient's preference rules out.
template <class Pred> std::vector<std::string> suggest(const Context& c, Pred wanted)
{
    std::vector<std::string> out;
    const auto excluded = excludedDirection(c.patient.preference);
    for (const Exercise& ex : c.catalog.exercises()) {
        if (static_cast<int>(out.size()) >= c.t.maxSuggestions)
            break;
        if (inPlan(c.plan, ex.qualifiedId()) || (excluded && ex.hasDirection(*excluded)) || !wanted(ex))
            continue;
        out.push_back(ex.qualifiedId());
    }
    return out;
}

std::string directionWords(Direction d)
{
    switch (d) {
    case Direction::Flexion: return "bending forwards (flexion)";
    case Direction::Extension: return "bending backwards (extension)";
    case Direction::Rotation: return "turning (rotation)";
    case Direction::LateralFlexion: return "side-to-side bending (lateral flexion)";
    case Direction::Neutral: return "a neutral spine";
    }
    return "";
}

void directionalPreference(Context& c)
{
    const auto p = c.patient.preference;
    if (p == DirectionalPreference::Unknown) {
        c.out.push_back({Severity::Info, "direction.preference-unknown",
                         "The patient's directional preference is not assessed yet. Test repeated bending "
                         "forwards and backwards and record which eases the pain, so the plan can respect it.",
                         {}, {}});
        return;
    }
    const auto excluded = excludedDirection(p);
    if (!excluded)
        return;
    const Direction relieving = *excluded == Direction::Flexion ? Direction::Extension : Direction::Flexion;
    for (const PlanItem& item : c.plan.items) {
        if (!item.snapshot.hasDirection(*excluded))
            continue;
        const ExerciseType type = item.snapshot.type;
        c.out.push_back({Severity::Warning,
                         *excluded == Direction::Flexion ? "direction.flexion-vs-extension-preference"
                                                         : "direction.extension-vs-flexion-preference",
                         item.snapshot.name + " moves the spine by " + directionWords(*excluded) +
                             ", but this patient's pain eases with " + directionWords(relieving) +
                             ". It may aggravate their symptoms; consider replacing it.",
                         {item.exerciseId},
                         suggest(c, [&](const Exercise& ex) { return ex.type == type; })});
    }
}

void movementBalance(Context& c)
{
    const auto excluded = excludedDirection(c.patient.preference);
    for (Direction d : {Direction::Rotation, Direction::LateralFlexion, Direction::Flexion, Direction::Extension}) {
        if (d == excluded)
            continue;
        const bool covered = std::any_of(c.plan.items.begin(), c.plan.items.end(),
                                         [&](const PlanItem& i) { return i.snapshot.hasDirection(d); });
        if (covered)
            continue;
        c.out.push_back({Severity::Info, "balance.missing-" + std::string(toString(d)),
                         "No exercise moves the spine by " + directionWords(d) +
                             ". Keeping the spine moving in every direction it tolerates (one rotation, one "
                             "side-to-side movement, and both flexion and extension) helps the back recover.",
                         {},
                         suggest(c, [&](const Exercise& ex) { return ex.hasDirection(d); })});
    }
}

void releaseWithActiveWork(Context& c)
{
    std::vector<std::string> releases;
    bool active = false;
    for (const PlanItem& item : c.plan.items) {
        if (item.snapshot.type == ExerciseType::Release)
            releases.push_back(item.exerciseId);
        active = active || item.snapshot.type == ExerciseType::ActiveStretch ||
                 item.snapshot.type == ExerciseType::Activation;
    }
    if (releases.empty() || active)
        return;
    c.out.push_back({Severity::Info, "balance.release-without-active-work",
                     "The plan releases muscles but has no active stretch or activation to follow. Release "
                     "eases pain for a while; active movement through the new range is what builds control "
                     "and stability, and static stretching alone is not the answer.",
                     releases,
                     suggest(c, [](const Exercise& ex) {
                         return ex.type == ExerciseType::ActiveStretch || ex.type == ExerciseType::Activation;
                     })});
}

void sessionTime(Context& c)
{
    const SessionEstimate e = estimateSession(c.plan, c.t);
    if (e.sessionMinutes > c.t.maxSessionMinutes)
        c.out.push_back({Severity::Warning, "time.session-too-long",
                         "One session takes about " + std::to_string(static_cast<int>(std::lround(e.sessionMinutes))) +
                             " minutes, more than " + std::to_string(c.t.maxSessionMinutes) +
                             ". Long programs are done less often; trim sets, holds or exercises.",
                         {}, {}});
    if (static_cast<int>(c.plan.items.size()) > c.t.maxExercises)
        c.out.push_back({Severity::Warning, "time.too-many-exercises",
                         "The plan has " + std::to_string(c.plan.items.size()) + " exercises, more than " +
                             std::to_string(c.t.maxExercises) + ". Patients keep up with fewer exercises better.",
                         {}, {}});
}

void dosageSanity(Context& c)
{
    for (const PlanItem& item : c.plan.items) {
        const Dosage& d = item.dosage;
        const std::string& name = item.snapshot.name;
        const auto warn = [&](const std::string& code, const std::string& message) {
            c.out.push_back({Severity::Warning, "dosage." + code, name + ": " + message, {item.exerciseId}, {}});
        };
        if (d.hold_s > c.t.maxHoldSeconds)
            warn("long-hold", "a " + std::to_string(d.hold_s) + "-second hold is more than " +
                                  std::to_string(c.t.maxHoldSeconds) + " seconds; split it into shorter holds.");
        if (d.sets > c.t.maxSets)
            warn("many-sets", std::to_string(d.sets) + " sets is more than " + std::to_string(c.t.maxSets) + ".");
        if (d.sets * d.reps > c.t.maxRepsPerSession)
            warn("high-volume", std::to_string(d.sets * d.reps) + " repetitions a session (per side) is more than " +
                                    std::to_string(c.t.maxRepsPerSession) + ".");
        if (d.perDay > c.t.maxSessionsPerDay)
            warn("many-sessions", std::to_string(d.perDay) + " sessions a day is more than " +
                                      std::to_string(c.t.maxSessionsPerDay) + ".");
        const Side usual = item.snapshot.dosage.side;
        const bool bilateral = usual == Side::Both;
        if (bilateral && d.side != Side::Both)
            warn("side-for-bilateral", "it works both sides together, but the dosage says \"" +
                                           std::string(toString(d.side)) + "\".");
        if (!bilateral && d.side == Side::Both)
            warn("both-for-one-sided", "it is done one side at a time, but the dosage says \"both\"; use \"each\", "
                                       "\"left\" or \"right\".");
        if (d.sets > 1 && d.rest_s == 0 && d.hold_s >= 30)
            warn("no-rest", std::to_string(d.sets) + " sets of long holds with no rest between them.");
    }
}

std::string flagText(const Context& c, const std::string& qualified)
{
    const auto slash = qualified.find('/');
    if (const CatalogPack* pack = c.catalog.pack(qualified.substr(0, slash)))
        for (const RedFlag& f : pack->guidance.redFlags)
            if (f.id == qualified.substr(slash + 1))
                return f.text;
    return qualified;
}

void redFlags(Context& c)
{
    const auto& s = c.patient.screening;
    if (!s) {
        c.out.push_back({Severity::Blocker, "redflag.not-screened",
                         "The patient has not been screened for red flags. Screen them before giving a home "
                         "exercise program.",
                         {}, {}});
        return;
    }
    const long age = c.today.toDays() - s->date.toDays();
    if (screeningOutOfDate(*s, c.t, c.today))
        c.out.push_back({Severity::Blocker, "redflag.screening-out-of-date",
                         "The last red-flag screening was " + std::to_string(age) + " days ago (" +
                             s->date.toString() + "), more than " + std::to_string(c.t.screeningMaxAgeDays) +
                             ". Screen the patient again.",
                         {}, {}});
    for (const RedFlagAnswer& a : s->answers)
        if (a.present)
            c.out.push_back({Severity::Blocker, "redflag.present",
                             "Red flag on " + s->date.toString() + ": " + flagText(c, a.flag) +
                                 " Refer the patient for medical assessment; do not give exercises until cleared.",
                             {}, {}});
}

// Sentences of a note, folded for matching.
std::vector<std::string> foldedSentences(const FollowUpNote& n)
{
    std::vector<std::string> out;
    for (const std::string* text : {&n.subjective, &n.objective, &n.assessment, &n.planText}) {
        std::size_t start = 0;
        while (start < text->size()) {
            const auto end = text->find_first_of(".!?;\n", start);
            const std::string sentence = text->substr(start, end == std::string::npos ? std::string::npos : end - start);
            // Padded with spaces so that phrases match as whole words at either end.
            out.push_back(std::string(" ").append(foldForSearch(sentence)).append(" "));
            if (end == std::string::npos)
                break;
            start = end + 1;
        }
    }
    return out;
}

// The phrases a clinician may use for each plan item: its name, its aliases, and the
// endings of its name of two words or more ("hamstring stretch" for "Active hamstring
// stretch"). A phrase that fits more than one item names none of them.
std::vector<std::vector<std::string>> itemPhrases(const PlanRevision& plan)
{
    std::vector<std::vector<std::string>> phrases;
    std::map<std::string, int> uses;
    for (const PlanItem& item : plan.items) {
        std::set<std::string> mine;
        const std::vector<std::string> nameWords = splitWords(foldForSearch(item.snapshot.name));
        for (std::size_t start = 0; start + 2 <= nameWords.size() || start == 0; ++start) {
            std::string phrase;
            for (std::size_t i = start; i < nameWords.size(); ++i)
                phrase += (phrase.empty() ? "" : " ") + nameWords[i];
            mine.insert(phrase);
            if (start + 2 > nameWords.size())
                break;
        }
        for (const std::string& alias : item.snapshot.aliases)
            mine.insert(foldForSearch(alias));
        for (const std::string& p : mine)
            ++uses[p];
        phrases.emplace_back(mine.begin(), mine.end());
    }
    for (auto& list : phrases)
        std::erase_if(list, [&](const std::string& p) { return p.size() < 4 || uses[p] > 1; });
    return phrases;
}

bool namesExercise(const std::string& sentence, const std::vector<std::string>& phrases)
{
    for (const std::string& p : phrases)
        if (sentence.find(" " + p + " ") != std::string::npos)
            return true;
    return false;
}

bool saysWorse(const std::string& sentence)
{
    for (const char* word : {" worse ", " worsens ", " worsened ", " aggravates ", " aggravated ", " aggravating ",
                             " aggravate "})
        if (sentence.find(word) != std::string::npos)
            return true;
    return false;
}

void progress(Context& c)
{
    const auto& n = c.notes;
    if (n.size() >= 3 && n[n.size() - 3].painNow < n[n.size() - 2].painNow &&
        n[n.size() - 2].painNow < n.back().painNow)
        c.out.push_back({Severity::Warning, "progress.pain-rising",
                         "Pain now has risen at each of the last two visits (" +
                             std::to_string(n[n.size() - 3].painNow) + " -> " + std::to_string(n[n.size() - 2].painNow) +
                             " -> " + std::to_string(n.back().painNow) + "). Review the plan.",
                         {}, {}});
    for (auto it = n.rbegin(); it != n.rend(); ++it) {
        if (!it->sessionsDone)
            continue;
        const int percent = *it->sessionsPrescribed > 0 ? *it->sessionsDone * 100 / *it->sessionsPrescribed : 100;
        if (percent < c.t.lowAdherencePercent)
            c.out.push_back({Severity::Info, "progress.low-adherence",
                             "At the last visit the patient had done " + std::to_string(*it->sessionsDone) + " of " +
                                 std::to_string(*it->sessionsPrescribed) + " sessions (" + std::to_string(percent) +
                                 "%). A shorter program may be easier to keep up.",
                             {}, {}});
        break; // only the latest note with adherence counts
    }
    if (n.empty())
        return;
    const auto sentences = foldedSentences(n.back());
    const auto phrases = itemPhrases(c.plan);
    for (std::size_t i = 0; i < c.plan.items.size(); ++i) {
        const PlanItem& item = c.plan.items[i];
        for (const std::string& s : sentences)
            if (saysWorse(s) && namesExercise(s, phrases[i])) {
                c.out.push_back({Severity::Warning, "progress.exercise-aggravates",
                                 "The note of " + n.back().visitDate.toString() + " says " + item.snapshot.name +
                                     " makes things worse. Review or replace it.",
                                 {item.exerciseId}, {}});
                break;
            }
    }
}

// Not the article's reasoning but the handout's honesty: an item whose snapshot is not
// what its installed pack says prints text no pack vouches for, so the clinician reads it
// before the handout goes out.
void snapshotsAsInstalled(Context& c)
{
    for (const SnapshotDiff& d : snapshotDiffs(c.plan.items, c.catalog))
        c.out.push_back({Severity::Warning, "plan.snapshot-differs-from-pack",
                         "Check " + d.exerciseName + " before handing it out: " + d.message() + ".",
                         {d.exerciseId},
                         {}});
}

} // namespace

std::vector<Finding> evaluate(const PlanRevision& plan, const Patient& patient, const std::vector<FollowUpNote>& notes,
                              const Catalog& catalog, const GuidanceThresholds& thresholds, const Date& today)
{
    std::vector<FollowUpNote> byVisit = notes;
    std::stable_sort(byVisit.begin(), byVisit.end(), [](const FollowUpNote& a, const FollowUpNote& b) {
        return a.visitDate < b.visitDate || (a.visitDate == b.visitDate && a.id < b.id);
    });
    std::vector<Finding> out;
    Context c{plan, patient, byVisit, catalog, thresholds, today, out};
    redFlags(c);
    directionalPreference(c);
    movementBalance(c);
    releaseWithActiveWork(c);
    sessionTime(c);
    dosageSanity(c);
    progress(c);
    snapshotsAsInstalled(c);
    std::stable_sort(out.begin(), out.end(),
                     [](const Finding& a, const Finding& b) { return a.severity > b.severity; });
    return out;
}

bool screeningOutOfDate(const RedFlagScreening& screening, const GuidanceThresholds& thresholds, const Date& today)
{
    return today.toDays() - screening.date.toDays() > thresholds.screeningMaxAgeDays;
}

} // namespace sp
