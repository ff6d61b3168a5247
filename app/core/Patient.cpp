#include "core/Patient.h"

#include <algorithm>

namespace sp {

bool RedFlagScreening::anyPresent() const
{
    return std::any_of(answers.begin(), answers.end(), [](const RedFlagAnswer& a) { return a.present; });
}

std::vector<FieldError> validate(const Patient& p)
{
    FieldErrors e;
    e.line("name", p.name, 1, kMaxPatientNameChars);
    if (!p.email.empty())
        e.email("email", p.email);
    if (!p.phone.empty())
        e.phone("phone", p.phone);
    if (!p.clinician.empty())
        e.line("clinician", p.clinician, 1, 200);
    e.text("notes", p.notes, kMaxNotesChars);
    if (!parseEnum<DirectionalPreference>(toString(p.preference)))
        e.add("preference", "is not one of " + enumChoices<DirectionalPreference>());
    if (p.screening) {
        for (std::size_t i = 0; i < p.screening->answers.size(); ++i)
            e.line("screening/" + std::to_string(i) + "/flag", p.screening->answers[i].flag, 1, 130);
    }
    return e.list();
}

PatientMerge mergePatientEdit(const Patient& stored, const Patient& read, const Patient& edited)
{
    PatientMerge out{stored, {}};
    const auto field = [&](const char* name, auto Patient::*member) {
        if (edited.*member == read.*member)
            return; // not changed here: whatever is stored stays
        if (stored.*member != read.*member && stored.*member != edited.*member)
            out.clashes.emplace_back(name);
        out.merged.*member = edited.*member;
    };
    field("name", &Patient::name);
    field("date_of_birth", &Patient::dateOfBirth);
    field("email", &Patient::email);
    field("phone", &Patient::phone);
    field("clinician", &Patient::clinician);
    field("notes", &Patient::notes);
    field("preference", &Patient::preference);
    return out;
}

} // namespace sp
