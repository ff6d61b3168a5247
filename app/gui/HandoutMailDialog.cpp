#include "gui/HandoutMailDialog.h"

#include "gui/WxText.h"
#include "mail/Address.h"
#include "mail/Headers.h"
#include "mail/MailError.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/arrstr.h>
#include <wx/textctrl.h>

#include <algorithm>

namespace sp::gui {

HandoutMailDialog::HandoutMailDialog(wxWindow* parent, const MailAnswers& proposed, const wxString& attachment,
                                     const wxString& sender)
    : wxDialog(parent, wxID_ANY, _("E-mail the handout to the patient"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE | wxRESIZE_BORDER)
{
    auto* grid = new wxFlexGridSizer(2, FromDIP(6), FromDIP(8));
    grid->AddGrowableCol(1, 1);
    grid->AddGrowableRow(4, 1);
    const auto label = [&](const wxString& text, int flags = wxALIGN_CENTER_VERTICAL) {
        grid->Add(new wxStaticText(this, wxID_ANY, text), 0, flags);
    };
    label(_("From"));
    grid->Add(new wxStaticText(this, wxID_ANY, sender), 0, wxALIGN_CENTER_VERTICAL);
    label(_("&To"));
    m_to = new wxTextCtrl(this, wxID_ANY, wxs(proposed.to));
    m_to->SetName("MailTo");
    grid->Add(m_to, 1, wxEXPAND);
    label(_("&Subject"));
    m_subject = new wxTextCtrl(this, wxID_ANY, wxs(proposed.subject));
    m_subject->SetName("MailSubject");
    grid->Add(m_subject, 1, wxEXPAND);
    label(_("Attached"));
    grid->Add(new wxStaticText(this, wxID_ANY, attachment), 0, wxALIGN_CENTER_VERTICAL);
    label(_("&Message"), wxTOP);
    m_body = new wxTextCtrl(this, wxID_ANY, wxs(proposed.body), wxDefaultPosition, FromDIP(wxSize(480, 220)),
                            wxTE_MULTILINE);
    m_body->SetName("MailBody");
    // Wide enough for the template's lines, so that its own line breaks are the only ones.
    int widest = 0;
    for (const wxString& line : wxSplit(wxs(proposed.body), '\n', '\0'))
        widest = std::max(widest, m_body->GetTextExtent(line).x);
    m_body->SetMinSize(wxSize(std::clamp(widest + FromDIP(40), FromDIP(480), FromDIP(760)), FromDIP(240)));
    grid->Add(m_body, 1, wxEXPAND);

    m_problem = new wxStaticText(this, wxID_ANY, wxString());
    m_problem->SetForegroundColour(wxColour(0xb0, 0x20, 0x20));

    auto* buttons = CreateSeparatedButtonSizer(wxOK | wxCANCEL);
    m_send = static_cast<wxButton*>(FindWindow(wxID_OK));
    m_send->SetLabel(_("&Send"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 1, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(m_problem, 0, wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(buttons, 0, wxEXPAND | wxALL, FromDIP(10));
    SetSizerAndFit(sizer);
    SetEscapeId(wxID_CANCEL);
    m_to->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    m_subject->Bind(wxEVT_TEXT, [this](wxCommandEvent&) { validateNow(); });
    validateNow();
    (proposed.to.empty() ? m_to : m_body)->SetFocus();
}

void HandoutMailDialog::validateNow()
{
    wxString problem;
    const MailAnswers a = answers();
    try {
        mail::requireAddress(a.to, "the address");
        mail::requireSingleLine("the subject", a.subject);
    } catch (const mail::MailError& e) {
        problem = wxs(e.what());
    }
    m_problem->SetLabel(problem);
    m_send->Enable(problem.empty());
    Layout();
}

MailAnswers HandoutMailDialog::answers() const
{
    return {u8(m_to->GetValue().Strip(wxString::both)), u8(m_subject->GetValue()), u8(m_body->GetValue())};
}

} // namespace sp::gui
