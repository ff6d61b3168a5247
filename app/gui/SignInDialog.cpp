#include "gui/SignInDialog.h"

#include "db/ClinicStore.h"
#include "db/ServerLocation.h"
#include "gui/DatabaseOpening.h"
#include "gui/WxText.h"

#include <wx/button.h>
#include <wx/checkbox.h>
#include <wx/intl.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

namespace sp::gui {

SignInDialog::SignInDialog(wxWindow* parent, const std::string& location, const wxString& message,
                           bool keyringAvailable, bool nextPerson)
    : wxDialog(parent, wxID_ANY, _("Sign in to the clinic server"), wxDefaultPosition, wxDefaultSize,
               wxDEFAULT_DIALOG_STYLE, "SignInDialog"),
      m_location(location)
{
    std::string user, serverName = location;
    try {
        const db::ServerFields fields = db::serverFields(location);
        user = nextPerson ? std::string() : fields.user;
        serverName = db::serverOf(fields);
    } catch (const db::DbError&) {
        // Opening it will say what is wrong with it.
    }
    auto* intro = new wxStaticText(this, wxID_ANY,
                                   message.empty() ? _("Sign in with the user name and password your clinic gave you.")
                                                   : message);
    intro->Wrap(FromDIP(420));
    auto* grid = new wxFlexGridSizer(2, FromDIP(8), FromDIP(10));
    grid->AddGrowableCol(1, 1);
    grid->Add(new wxStaticText(this, wxID_ANY, _("Server")), 0, wxALIGN_CENTER_VERTICAL);
    auto* server = new wxStaticText(this, wxID_ANY, wxs(serverName), wxDefaultPosition,
                                    wxDefaultSize, 0, "Server");
    grid->Add(server, 0, wxALIGN_CENTER_VERTICAL);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&User")), 0, wxALIGN_CENTER_VERTICAL);
    m_user = new wxTextCtrl(this, wxID_ANY, wxs(user), wxDefaultPosition, FromDIP(wxSize(260, -1)), 0,
                            wxDefaultValidator, "User");
    grid->Add(m_user, 1, wxEXPAND);
    grid->Add(new wxStaticText(this, wxID_ANY, _("&Password")), 0, wxALIGN_CENTER_VERTICAL);
    m_password = new wxTextCtrl(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize,
                                wxTE_PASSWORD | wxTE_PROCESS_ENTER, wxDefaultValidator, "Password");
    grid->Add(m_password, 1, wxEXPAND);
    grid->AddSpacer(0);
    m_remember = new wxCheckBox(this, wxID_ANY, _("&Remember on this computer"), wxDefaultPosition, wxDefaultSize, 0,
                                wxDefaultValidator, "Remember");
    m_remember->Enable(keyringAvailable);
    m_remember->SetToolTip(keyringAvailable ? _("The password goes into this computer's keyring, not into "
                                                "StretchPlan's settings.")
                                            : _("No keyring answers in this session."));
    grid->Add(m_remember);
    m_problem = new wxStaticText(this, wxID_ANY, wxString(), wxDefaultPosition, wxDefaultSize, 0, "Problem");
    m_problem->SetForegroundColour(*wxRED);

    if (!user.empty()) {
        const std::string stored = keyringPassword(location);
        m_password->SetValue(wxs(stored));
        m_remember->SetValue(!stored.empty());
    }

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(intro, 0, wxEXPAND | wxALL, FromDIP(12));
    sizer->Add(grid, 0, wxEXPAND | wxLEFT | wxRIGHT, FromDIP(12));
    sizer->Add(m_problem, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, FromDIP(12));
    sizer->Add(CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, FromDIP(12));
    SetSizerAndFit(sizer);
    if (auto* ok = dynamic_cast<wxButton*>(FindWindow(wxID_OK)))
        ok->SetLabel(_("&Sign in"));
    FindWindow(wxID_OK)->Bind(wxEVT_BUTTON, [this](wxCommandEvent& event) {
        if (validateChoice())
            event.Skip();
    });
    m_password->Bind(wxEVT_TEXT_ENTER, [this](wxCommandEvent&) {
        if (validateChoice())
            EndModal(wxID_OK);
    });
    (user.empty() ? m_user : m_password)->SetFocus();
}

bool SignInDialog::validateChoice()
{
    wxString problem;
    if (m_user->GetValue().Strip(wxString::both).empty())
        problem = _("Type your user name.");
    else if (m_password->GetValue().empty())
        problem = _("Type your password.");
    m_problem->SetLabel(problem);
    Layout();
    Fit();
    return problem.empty();
}

DatabaseChoice SignInDialog::choice() const
{
    DatabaseChoice c;
    c.location = db::withUser(m_location, u8(m_user->GetValue().Strip(wxString::both)));
    c.password = u8(m_password->GetValue());
    c.rememberPassword = m_remember->IsEnabled() && m_remember->GetValue();
    return c;
}

} // namespace sp::gui
