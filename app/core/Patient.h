// A patient as the clinic records them, with their directional preference and red-flag
// screening, which the plan-building guidance reads.
#pragma once

#include "core/Date.h"
#include "core/Enums.h"
#include "core/Validation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sp {

// Which movement direction eases the patient's back pain, as the clinician assessed it.
enum class DirectionalPreference { ExtensionRelieves = 1, FlexionRelieves, None, Unknown };

template <> struct EnumNames<DirectionalPreference> {
    static constexpr std::array<std::pair<DirectionalPreference, std::string_view>, 4> values{{
        {DirectionalPreference::ExtensionRelieves, "extension-relieves"},
        {DirectionalPreference::FlexionRelieves, "flexion-relieves"},
        {DirectionalPreference::None, "none"},
        {DirectionalPreference::Unknown, "unknown"},
    }};
};

struct RedFlagAnswer {
    std::string flag; // qualified red-flag id, e.g. "lumbar/severe-night-pain"
    bool present = false;
    bool operator==(const RedFlagAnswer&) const = default;
};

struct RedFlagScreening {
    Date date;
    std::vector<RedFlagAnswer> answers; // every flag asked about, present or not

    bool anyPresent() const;
    bool operator==(const RedFlagScreening&) const = default;
};

struct Patient {
    std::int64_t id = 0; // 0 until stored
    std::string name;
    std::optional<Date> dateOfBirth;
    std::string email;
    std::string phone;
    std::string clinician; // treating clinician
    bool archived = false;
    std::string notes;
    DirectionalPreference preference = DirectionalPreference::Unknown;
    std::optional<RedFlagScreening> screening;

    bool operator==(const Patient&) const = default;
};

// Length caps, documented in the README.
inline constexpr std::size_t kMaxPatientNameChars = 200;
inline constexpr std::size_t kMaxNotesChars = 10000;

// Every problem with the patient's fields; empty when the record may be stored.
std::vector<FieldError> validate(const Patient& patient);

// An edit made from `read` applied to what is `stored` now: the fields in which `edited`
// differs from `read` take `edited`'s value, every other field keeps the stored one.
// `clashes` names the fields (as the database does: "date_of_birth") that someone else
// changed to another value meanwhile; the edit wins there in `merged`.
struct PatientMerge {
    Patient merged;
    std::vector<std::string> clashes;
};
PatientMerge mergePatientEdit(const Patient& stored, const Patient& read, const Patient& edited);

} // namespace sp
