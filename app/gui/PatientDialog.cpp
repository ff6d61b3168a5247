#include "gui/PatientDialog.h"

#include "gui/FieldMessages.h"
#include "gui/EnumLabels.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace sp::gui {

PatientDialog::PatientDialog(wxWindow* parent, const Patient& patient, bool contactsOnly)
    : wxDialog(parent, wxID_ANY, patient.id ? _("Edit patient") : _("New patient"), wxDefaultPosition,
               wxDefaultSize, wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER),
      m_base(patient)
{
    auto* grid = new wxFlexGridSizer(2, FromDIP(2), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    addField(this, grid, "name", _("&Name"), wxs(patient.name));
    addField(this, grid, "date_of_birth", _("&Date of birth"),
             patient.dateOfBirth ? wxs(patient.dateOfBirth->toString()) : wxString());
    m_fields["date_of_birth"]->SetHint(_("YYYY-MM-DD"));
    addField(this, grid, "email", _("E-&mail"), wxs(patient.email));
    addField(this, grid, "phone", _("&Phone"), wxs(patient.phone));
    addField(this, grid, "clinician", _("&Clinician"), wxs(patient.clinician));

    if (!contactsOnly) {
        grid->Add(new wxStaticText(this, wxID_ANY, _("Directional p&reference")), 0, wxALIGN_CENTER_VERTICAL);
        m_preference = new wxChoice(this, wxID_ANY);
        for (const auto& [value, name] : EnumNames<DirectionalPreference>::values)
            m_preference->Append(preferenceLabel(value));
        m_preference->SetSelection(static_cast<int>(patient.preference) - 1);
        grid->Add(m_preference, 0, wxEXPAND);
        grid->AddSpacer(0);
        grid->AddSpacer(FromDIP(6));
        addField(this, grid, "notes", _("N&otes"), wxs(patient.notes), wxTE_MULTILINE);
        m_fields["notes"]->SetMinSize(FromDIP(wxSize(320, 80)));
    }

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(10));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    m_ok = static_cast<wxButton*>(FindWindow(wxID_OK));
    SetEscapeId(wxID_CANCEL);
    m_fields["name"]->SetFocus();
    validateNow();
}

wxTextCtrl* PatientDialog::addField(wxWindow* parent, wxSizer* grid, const std::string& key, const wxString& label,
                                    const wxString& value, long style)
{
    grid->Add(new wxStaticText(parent, wxID_ANY, label), 0, (style & wxTE_MULTILINE) ? int(wxTOP) : int(wxALIGN_CENTER_VERTICAL),
              FromDIP(4));
    auto* text = new wxTextCtrl(parent, wxID_ANY, value, wxDefaultPosition, wxDefaultSize, style);
    text->SetMinSize(wxSize(FromDIP(320), -1));
    grid->Add(text, 1, wxEXPAND);
    grid->AddSpacer(0);
    auto* message = new wxStaticText(parent, wxID_ANY, wxEmptyString);
    message->SetForegroundColour(wxColour(176, 58, 46));
    grid->Add(message, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    text->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    m_fields[key] = text;
    m_messages[key] = message;
    return text;
}

Patient PatientDialog::patient() const
{
    Patient p = m_base;
    const auto value = [this](const char* key) {
        wxString text = m_fields.at(key)->GetValue();
        if (key != std::string("notes"))
            text.Trim().Trim(false);
        return u8(text);
    };
    p.name = value("name");
    const std::string dob = value("date_of_birth");
    p.dateOfBirth = dob.empty() ? std::nullopt : Date::parse(dob);
    p.email = value("email");
    p.phone = value("phone");
    p.clinician = value("clinician");
    if (m_preference) {
        p.notes = value("notes");
        p.preference = EnumNames<DirectionalPreference>::values[static_cast<std::size_t>(m_preference->GetSelection())].first;
    }
    return p;
}

bool PatientDialog::validateNow()
{
    FieldMessages problems;
    const std::string dob = u8(m_fields["date_of_birth"]->GetValue().Strip(wxString::both));
    if (!dob.empty() && !Date::parse(dob))
        problems["date_of_birth"] = _("is not a date: write it as YYYY-MM-DD, e.g. 1980-06-15");
    addFieldErrors(problems, validate(patient()));
    (void)showFieldMessages(problems, m_messages); // every field of a patient has its place
    const bool ok = problems.empty();
    if (m_ok)
        m_ok->Enable(ok);
    Layout();
    return ok;
}

wxString PatientDialog::messageFor(const std::string& field) const
{
    const auto it = m_messages.find(field);
    return it == m_messages.end() ? wxString() : it->second->GetLabel();
}

wxTextCtrl* PatientDialog::field(const std::string& name) const
{
    const auto it = m_fields.find(name);
    return it == m_fields.end() ? nullptr : it->second;
}

} // namespace sp::gui
