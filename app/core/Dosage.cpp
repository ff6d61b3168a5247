#include "core/Dosage.h"

namespace sp {

std::vector<FieldError> validate(const Dosage& dosage)
{
    std::vector<FieldError> errors;
    for (const DosageField& f : kDosageFields) {
        const int value = dosage.*f.member;
        if (value < f.min || value > f.max)
            errors.push_back({std::string(f.key), outOfRangeMessage(value, f.min, f.max)});
    }
    if (!parseEnum<Side>(toString(dosage.side)))
        errors.push_back({"side", "is not one of " + enumChoices<Side>()});
    return errors;
}

namespace {

std::string timesADay(int n)
{
    switch (n) {
    case 1: return "once a day";
    case 2: return "twice a day";
    default: return std::to_string(n) + " times a day";
    }
}

std::string plural(int n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

} // namespace

std::string describe(const Dosage& d)
{
    static constexpr std::string_view kSep = " \u00b7 ";
    std::string out = d.sets == 1 ? plural(d.reps, "repetition", "repetitions")
                                  : std::to_string(d.sets) + " sets of " + std::to_string(d.reps);
    if (d.hold_s > 0)
        out += std::string(kSep) + "hold " + plural(d.hold_s, "second", "seconds");
    out += std::string(kSep) + timesADay(d.perDay);
    if (d.daysPerWeek < 7)
        out += std::string(kSep) + plural(d.daysPerWeek, "day", "days") + " a week";
    switch (d.side) {
    case Side::Each: out += std::string(kSep) + "each side"; break;
    case Side::Left: out += std::string(kSep) + "left side"; break;
    case Side::Right: out += std::string(kSep) + "right side"; break;
    case Side::Both: break;
    }
    return out;
}

} // namespace sp
