// Adding or editing a patient, with the core validator's message under each field as
// the clinician types; OK stays disabled while any field is wrong.
#pragma once

#include "core/Patient.h"

#include <wx/dialog.h>

#include <map>
#include <string>

class wxButton;
class wxChoice;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class PatientDialog : public wxDialog {
public:
    // With `contactsOnly` (reception on a clinic server) only the contact fields are shown;
    // the notes and directional preference stay as `patient` has them.
    PatientDialog(wxWindow* parent, const Patient& patient, bool contactsOnly = false);

    // The record as typed (id, archive state and screening as given).
    Patient patient() const;
    // Re-validates and shows each field's problem; true when there is none.
    bool validateNow();
    // For tests: the message shown under a field ("name", "date_of_birth", ...).
    wxString messageFor(const std::string& field) const;
    wxTextCtrl* field(const std::string& name) const;

private:
    wxTextCtrl* addField(wxWindow* parent, wxSizer* grid, const std::string& key, const wxString& label,
                         const wxString& value, long style = 0);

    Patient m_base;
    std::map<std::string, wxTextCtrl*> m_fields;
    std::map<std::string, wxStaticText*> m_messages;
    wxChoice* m_preference = nullptr; // null with contactsOnly
    wxButton* m_ok;
};

} // namespace sp::gui
