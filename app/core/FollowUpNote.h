// A follow-up visit: pain, adherence, function (PSFS) and the SOAP note, recorded against
// the plan revision the patient was following.
#pragma once

#include "core/Date.h"
#include "core/Validation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sp {

// One Patient-Specific Functional Scale activity: 0 = unable, 10 = as before the problem.
struct PsfsScore {
    std::string activity;
    int score = 0;
    bool operator==(const PsfsScore&) const = default;
};

struct FollowUpNote {
    std::int64_t id = 0;
    std::int64_t patientId = 0;
    std::optional<std::int64_t> revisionId; // the plan revision being followed, if any
    Date visitDate;
    int painNow = 0; // NPRS 0–10
    std::optional<int> painWorst;
    std::optional<int> painBest;
    std::optional<int> sessionsDone;
    std::optional<int> sessionsPrescribed;
    std::vector<PsfsScore> psfs;
    std::string subjective;
    std::string objective;
    std::string assessment;
    std::string planText;
    std::optional<Date> nextDue;
    std::string author;    // who wrote it first
    std::string createdAt;
    int version = 1;       // 2, 3, ... once amended; the versions replaced are kept by the store
    std::string amendedBy; // of the current version; empty until amended
    std::string amendedAt;
    bool operator==(const FollowUpNote&) const = default;
};

inline constexpr int kMaxPsfsActivities = 5;
inline constexpr std::size_t kMaxSoapChars = 10000;

std::vector<FieldError> validate(const FollowUpNote& note);

// The clinical fields in which `after` differs from `before`, by their validation names
// ("visit_date", "pain", "psfs", "next_due", ...); who wrote them and when are not compared.
std::vector<std::string> changedFields(const FollowUpNote& before, const FollowUpNote& after);

} // namespace sp
