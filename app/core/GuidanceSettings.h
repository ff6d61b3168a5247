// The guidance thresholds in the clinic's settings file (guidance.json): every key, its
// range and its meaning in one table, from which parsing, writing and the docs follow.
#pragma once

#include "core/Guidance.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <array>
#include <optional>
#include <string_view>

namespace sp {

struct ThresholdField {
    std::string_view key;
    int GuidanceThresholds::*member;
    int min;
    int max;
    std::string_view meaning;
};

inline constexpr std::array<ThresholdField, 10> kThresholdFields{{
    {"max_session_minutes", &GuidanceThresholds::maxSessionMinutes, 1, 240, "warn when one session takes longer"},
    {"max_exercises", &GuidanceThresholds::maxExercises, 1, 30, "warn when the plan has more exercises"},
    {"transition_seconds", &GuidanceThresholds::transitionSeconds, 0, 300, "time to move between exercises"},
    {"screening_max_age_days", &GuidanceThresholds::screeningMaxAgeDays, 1, 3650,
     "a red-flag screening older than this blocks handouts"},
    {"max_hold_seconds", &GuidanceThresholds::maxHoldSeconds, 1, 600, "warn on longer holds"},
    {"max_sets", &GuidanceThresholds::maxSets, 1, 10, "warn on more sets"},
    {"max_reps_per_session", &GuidanceThresholds::maxRepsPerSession, 1, 1000,
     "warn when sets x reps (per side) is higher"},
    {"max_sessions_per_day", &GuidanceThresholds::maxSessionsPerDay, 1, 10, "warn on more sessions a day"},
    {"low_adherence_percent", &GuidanceThresholds::lowAdherencePercent, 0, 100,
     "suggest a shorter program below this adherence"},
    {"max_suggestions", &GuidanceThresholds::maxSuggestions, 0, 10, "catalog exercises suggested per finding"},
}};

// Every key is optional (its default applies); unknown keys and values out of range are
// problems named by pointer.
std::optional<GuidanceThresholds> parseGuidanceSettings(const Json& document, ProblemSink& sink);
Json toJson(const GuidanceThresholds& thresholds);

} // namespace sp
