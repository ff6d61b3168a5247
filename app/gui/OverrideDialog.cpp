#include "gui/OverrideDialog.h"

#include "gui/WxText.h"

#include <wx/artprov.h>
#include <wx/button.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/statbmp.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace sp::gui {

OverrideDialog::OverrideDialog(wxWindow* parent, const wxString& action, const std::vector<Finding>& blockers)
    : wxDialog(parent, wxID_ANY, _("The plan has a blocker"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* head = new wxBoxSizer(wxHORIZONTAL);
    head->Add(new wxStaticBitmap(this, wxID_ANY, wxArtProvider::GetBitmap(wxART_WARNING, wxART_MESSAGE_BOX)), 0,
              wxRIGHT, FromDIP(10));
    wxString text = wxString::Format(_("%s is held back while the guidance finds a blocker:"), action) + "\n";
    for (const Finding& f : blockers)
        text += "\n\u2022 " + wxs(f.message);
    auto* what = new wxStaticText(this, wxID_ANY, text);
    what->Wrap(FromDIP(440));
    head->Add(what, 1);

    auto* ask = new wxStaticText(this, wxID_ANY,
                                 _("To go ahead anyway, say why (kept in the audit log with the blockers):"));
    m_reason = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(440, 70)), wxTE_MULTILINE);
    m_reason->SetName("OverrideReason");

    auto* buttons = CreateSeparatedButtonSizer(wxOK | wxCANCEL);
    m_ok = static_cast<wxButton*>(FindWindow(wxID_OK));
    m_ok->SetLabel(_("&Go ahead"));
    m_ok->Disable();
    m_reason->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { m_ok->Enable(!reason().empty()); });

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(head, 0, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(ask, 0, wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(m_reason, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
    m_reason->SetFocus();
}

std::string OverrideDialog::reason() const
{
    return u8(m_reason->GetValue().Strip(wxString::both));
}

} // namespace sp::gui
