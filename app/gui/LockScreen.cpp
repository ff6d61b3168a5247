#include "gui/LockScreen.h"

#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/intl.h>
#include <wx/settings.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>
#include <wx/utils.h>

namespace sp::gui {

LockScreen::LockScreen(wxWindow* parent, const wxString& lockedFor, bool onServer, Checker check)
    : wxDialog(parent, wxID_ANY, _("StretchPlan is locked"), wxDefaultPosition, wxDefaultSize, wxCAPTION,
               "LockScreen"),
      m_check(std::move(check))
{
    auto* heading = new wxStaticText(this, wxID_ANY, _("Locked"));
    heading->SetFont(heading->GetFont().Scaled(1.6f).Bold());
    m_intro = new wxStaticText(
        this, wxID_ANY,
        wxString::Format(onServer ? _("Locked for %s. Type your clinic password to go on where you left off.")
                                  : _("Locked for %s. Type the password of this computer's account to go on "
                                      "where you left off."),
                         lockedFor));
    m_intro->Wrap(FromDIP(380));
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, FromDIP(wxSize(260, -1)),
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "Password");
    m_problem = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "Problem");
    m_problem->SetForegroundColour(*wxRED);
    auto* unlock = new wxButton(this, wxID_OK, _("&Unlock"));
    unlock->SetDefault();

    auto* row = new wxBoxSizer(wxHORIZONTAL);
    row->Add(new wxStaticText(this, wxID_ANY, _("&Password")), 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, FromDIP(8));
    row->Add(m_password, 1, wxEXPAND | wxRIGHT, FromDIP(8));
    row->Add(unlock, 0);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(heading, 0, wxALL, FromDIP(16));
    sizer->Add(m_intro, 0, wxLEFT | wxRIGHT, FromDIP(16));
    sizer->Add(row, 0, wxEXPAND | wxALL, FromDIP(16));
    sizer->Add(m_problem, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, FromDIP(16));
    SetSizerAndFit(sizer);
    SetMinSize(GetSize());

    // Nothing but the password leaves it: no Escape, no close button's way out.
    SetEscapeId(wxID_NONE);
    Bind(wxEVT_CLOSE_WINDOW, [](wxCloseEvent& event) {
        if (event.CanVeto())
            event.Veto();
    });
    const auto unlockNow = [this](wxCommandEvent&) { tryUnlock(m_password->GetValue()); };
    unlock->Bind(wxEVT_BUTTON, unlockNow);
    m_password->Bind(wxEVT_TEXT_ENTER, unlockNow);
    m_password->SetFocus();
}

bool LockScreen::tryUnlock(const wxString& password)
{
    m_problem->SetLabel(_("Checking the password…"));
    m_problem->SetForegroundColour(wxSystemSettings::GetColour(wxSYS_COLOUR_GRAYTEXT));
    m_problem->Update();
    UnlockResult result;
    {
        wxBusyCursor busy;
        result = m_check(u8(password));
    }
    if (result.unlocked) {
        m_unlocked = true;
        m_problem->SetLabel(wxString());
        m_password->Clear();
        if (IsModal())
            EndModal(wxID_OK);
        return true;
    }
    m_problem->SetForegroundColour(*wxRED);
    m_problem->SetLabel(wxs(result.problem));
    m_problem->Wrap(FromDIP(380));
    m_password->Clear();
    m_password->SetFocus();
    Layout();
    Fit();
    return false;
}

wxString LockScreen::text() const
{
    return GetTitle() + "\n" + m_intro->GetLabel() + "\n" + m_problem->GetLabel();
}

wxString LockScreen::problem() const
{
    return m_problem->GetLabel();
}

} // namespace sp::gui
