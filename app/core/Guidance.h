// Plan-building guidance: the rules that check a plan against the patient, their notes
// and the catalog, drawn from the clinical reasoning of the low-back article. Pure
// functions: no I/O, no clock (today is an argument).
#pragma once

#include "core/Catalog.h"
#include "core/FollowUpNote.h"
#include "core/Patient.h"
#include "core/Plan.h"

#include <string>
#include <vector>

namespace sp {

enum class Severity { Info = 1, Warning, Blocker };

template <> struct EnumNames<Severity> {
    static constexpr std::array<std::pair<Severity, std::string_view>, 3> values{{
        {Severity::Info, "info"},
        {Severity::Warning, "warning"},
        {Severity::Blocker, "blocker"},
    }};
};

struct Finding {
    Severity severity = Severity::Info;
    std::string code;                     // stable, e.g. "direction.flexion-vs-extension-preference"
    std::string message;                  // for the clinician
    std::vector<std::string> items;       // qualified ids of the plan items concerned
    std::vector<std::string> suggestions; // qualified ids of catalog exercises that would help
};

// Every threshold the rules use. Defaults here; a clinic changes them in its settings
// file (see GuidanceSettings.h and the README).
struct GuidanceThresholds {
    int maxSessionMinutes = 20;
    int maxExercises = 8;
    int transitionSeconds = 30;  // moving from one exercise to the next
    int screeningMaxAgeDays = 90;
    int maxHoldSeconds = 120;
    int maxSets = 5;
    int maxRepsPerSession = 100; // sets x reps, per side
    int maxSessionsPerDay = 6;
    int lowAdherencePercent = 50;
    int maxSuggestions = 3;
    bool operator==(const GuidanceThresholds&) const = default;
};

struct SessionEstimate {
    double sessionMinutes = 0; // one pass through every exercise once
    double weeklyMinutes = 0;  // each exercise times its sessions a day and days a week
    std::vector<double> itemSeconds;
};

SessionEstimate estimateSession(const PlanRevision& plan, const GuidanceThresholds& thresholds);

// All findings, blockers first, then warnings, then information.
std::vector<Finding> evaluate(const PlanRevision& plan, const Patient& patient, const std::vector<FollowUpNote>& notes,
                              const Catalog& catalog, const GuidanceThresholds& thresholds, const Date& today);

bool hasBlocker(const std::vector<Finding>& findings);

// Whether the screening is older than screening_max_age_days on `today`: the condition of
// redflag.screening-out-of-date, for screens that show the screening's state.
bool screeningOutOfDate(const RedFlagScreening& screening, const GuidanceThresholds& thresholds, const Date& today);

} // namespace sp
