// How much of an exercise a patient does, and the documented range of every number in it.
#pragma once

#include "core/Enums.h"
#include "core/Validation.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace sp {

struct Dosage {
    int sets = 1;
    int reps = 1;         // per set; per side when side is Each
    int hold_s = 0;       // held at the end of each repetition
    int rest_s = 0;       // between sets
    int perDay = 1;       // sessions a day
    int daysPerWeek = 7;
    Side side = Side::Both;
    int tempo_s = 3;      // one repetition, not counting the hold

    bool operator==(const Dosage&) const = default;
};

// One numeric field of a Dosage: its name in files, its range, and where it lives.
struct DosageField {
    std::string_view key;
    int min;
    int max;
    int Dosage::*member;
};

// The documented ranges (plugins/README.md repeats them for pack authors).
inline constexpr std::array<DosageField, 7> kDosageFields{{
    {"sets", 1, 10, &Dosage::sets},
    {"reps", 1, 100, &Dosage::reps},
    {"hold_s", 0, 600, &Dosage::hold_s},
    {"rest_s", 0, 600, &Dosage::rest_s},
    {"per_day", 1, 10, &Dosage::perDay},
    {"days_per_week", 1, 7, &Dosage::daysPerWeek},
    {"tempo_s", 1, 30, &Dosage::tempo_s},
}};

// Every field out of its range, each named with its value. Empty when the dosage is valid.
std::vector<FieldError> validate(const Dosage& dosage);

// Plain words for a handout: "2 sets of 10 · hold 5 seconds · twice a day · each side".
std::string describe(const Dosage& dosage);

} // namespace sp
