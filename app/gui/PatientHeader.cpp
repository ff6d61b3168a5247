#include "gui/PatientHeader.h"

#include "gui/EnumLabels.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

namespace sp::gui {

PatientHeader::PatientHeader(wxWindow* parent) : wxPanel(parent, wxID_ANY)
{
    m_name = new wxStaticText(this, wxID_ANY, _("No patient selected"));
    m_name->SetFont(m_name->GetFont().Bold().Scaled(1.4f));
    m_details = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_preference = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_screening = new wxStaticText(this, wxID_ANY, wxEmptyString);
    m_screening->SetFont(m_screening->GetFont().Bold());
    m_screenButton = new wxButton(this, wxID_ANY, _("Red-flag &screening…"));
    m_editButton = new wxButton(this, wxID_EDIT, _("&Edit patient…"));

    auto* text = new wxBoxSizer(wxVERTICAL);
    text->Add(m_name, 0, wxBOTTOM, FromDIP(2));
    text->Add(m_details, 0, wxBOTTOM, FromDIP(2));
    auto* statusRow = new wxBoxSizer(wxHORIZONTAL);
    statusRow->Add(m_preference, 0, wxRIGHT | wxALIGN_CENTER_VERTICAL, FromDIP(16));
    statusRow->Add(m_screening, 0, wxALIGN_CENTER_VERTICAL);
    text->Add(statusRow);
    auto* buttons = new wxBoxSizer(wxVERTICAL);
    buttons->Add(m_editButton, 0, wxEXPAND | wxBOTTOM, FromDIP(4));
    buttons->Add(m_screenButton, 0, wxEXPAND);
    auto* sizer = new wxBoxSizer(wxHORIZONTAL);
    sizer->Add(text, 1, wxEXPAND | wxALL, FromDIP(6));
    sizer->Add(buttons, 0, wxALIGN_CENTER_VERTICAL | wxALL, FromDIP(6));
    SetSizer(sizer);

    m_screenButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onScreening)
            onScreening();
    });
    m_editButton->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) {
        if (onEdit)
            onEdit();
    });
    show(nullptr, {});
}

void PatientHeader::show(const Patient* p, const GuidanceThresholds& thresholds)
{
    m_screenButton->Enable(p != nullptr);
    m_editButton->Enable(p != nullptr);
    if (!p) {
        m_name->SetLabel(_("No patient selected"));
        m_details->SetLabel(_("Pick a patient on the left, or add one with New patient (Ctrl+N)."));
        m_preference->SetLabel(wxEmptyString);
        m_screening->SetLabel(wxEmptyString);
        Layout();
        return;
    }
    const Date today = localToday();
    m_name->SetLabel(wxs(p->name) + (p->archived ? _(" (archived)") : wxString()));
    wxString details;
    if (p->dateOfBirth)
        details = wxString::Format(_("Age %d (born %s)"), yearsBetween(*p->dateOfBirth, today),
                                   wxs(p->dateOfBirth->toString()));
    else
        details = _("Date of birth not recorded");
    for (const std::string& part : {p->clinician.empty() ? std::string() : "Clinician: " + p->clinician, p->phone, p->email})
        if (!part.empty())
            details += "   ·   " + wxs(part);
    m_details->SetLabel(details);
    m_preference->SetLabel(wxString::Format(_("Directional preference: %s"), preferenceLabel(p->preference)));

    if (!p->screening) {
        m_screening->SetLabel(_("Red flags: not screened"));
        m_screening->SetForegroundColour(wxColour(176, 58, 46));
    } else {
        if (p->screening->anyPresent()) {
            m_screening->SetLabel(wxString::Format(_("Red flags PRESENT (screened %s): refer before exercise"),
                                                   wxs(p->screening->date.toString())));
            m_screening->SetForegroundColour(wxColour(176, 58, 46));
        } else if (screeningOutOfDate(*p->screening, thresholds, today)) {
            m_screening->SetLabel(wxString::Format(_("Red flags: screening out of date (%s)"),
                                                   wxs(p->screening->date.toString())));
            m_screening->SetForegroundColour(wxColour(176, 58, 46));
        } else {
            m_screening->SetLabel(
                wxString::Format(_("Red flags: none (screened %s)"), wxs(p->screening->date.toString())));
            m_screening->SetForegroundColour(wxColour(30, 120, 60));
        }
    }
    Layout();
}

wxString PatientHeader::screeningText() const
{
    return m_screening->GetLabel();
}

} // namespace sp::gui
