// A patient's home-exercise plan and its revisions. A revision is never changed once
// stored: a change makes the next revision, and each item keeps a full copy of the
// exercise as it was, so an old handout can be reproduced after its pack changes.
#pragma once

#include "core/Dosage.h"
#include "core/Exercise.h"
#include "core/Validation.h"

#include <cstdint>
#include <string>
#include <vector>

namespace sp {

enum class PlanStatus { Active = 1, Closed };

template <> struct EnumNames<PlanStatus> {
    static constexpr std::array<std::pair<PlanStatus, std::string_view>, 2> values{{
        {PlanStatus::Active, "active"},
        {PlanStatus::Closed, "closed"},
    }};
};

struct PlanItem {
    std::string exerciseId; // qualified, "pack/exercise"
    Exercise snapshot;      // the exercise's content when the revision was made
    Dosage dosage;
    std::string note;       // the clinician's note for this patient
    bool operator==(const PlanItem&) const = default;
};

struct PlanRevision {
    std::int64_t id = 0; // 0 until stored
    std::int64_t planId = 0;
    int number = 0;        // 1, 2, ... within the plan
    std::string createdAt; // UTC, ISO 8601, set when stored
    std::string author;
    std::string reason;
    std::vector<std::string> goals;
    std::vector<PlanItem> items; // in handout order
    bool operator==(const PlanRevision&) const = default;
};

struct Plan {
    std::int64_t id = 0;
    std::int64_t patientId = 0;
    std::string title;
    PlanStatus status = PlanStatus::Active;
    std::string createdAt;
    int latestRevision = 0;
    bool operator==(const Plan&) const = default;
};

inline constexpr std::size_t kMaxPlanItems = 30;
inline constexpr std::size_t kMaxGoals = 10;

std::vector<FieldError> validatePlanTitle(const std::string& title);
// Reason, goals and items (dosage ranges, notes, no exercise twice).
std::vector<FieldError> validate(const PlanRevision& revision);

} // namespace sp
