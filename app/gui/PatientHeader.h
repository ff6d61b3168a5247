// Above the plan: who the patient is (name, age, contact, clinician), their directional
// preference and their red-flag screening with its date, with buttons for the screening
// checklist and the patient's details.
#pragma once

#include "core/Guidance.h"
#include "core/Patient.h"

#include <wx/panel.h>

#include <functional>

class wxButton;
class wxStaticText;

namespace sp::gui {

class PatientHeader : public wxPanel {
public:
    explicit PatientHeader(wxWindow* parent);

    // nullptr: no patient selected.
    void show(const Patient* patient, const GuidanceThresholds& thresholds);
    wxString screeningText() const;

    std::function<void()> onScreening;
    std::function<void()> onEdit;

private:
    wxStaticText* m_name;
    wxStaticText* m_details;
    wxStaticText* m_preference;
    wxStaticText* m_screening;
    wxButton* m_screenButton;
    wxButton* m_editButton;
};

} // namespace sp::gui
