// Signing in to the clinic server: the server (as remembered), the user name and the
// password. "Remember on this computer" keeps the password in the OS keyring, never in
// the settings; a password found there is filled in.
#pragma once

#include "gui/OpenDatabaseDialog.h"

#include <wx/dialog.h>

#include <string>

class wxCheckBox;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class SignInDialog : public wxDialog {
public:
    // `location`: the server (its user, if any, is filled in, and their password if the
    // keyring has it); `message`: why it asks, shown above the fields (empty: the usual
    // words). For the `nextPerson` (switching user) both fields start empty.
    SignInDialog(wxWindow* parent, const std::string& location, const wxString& message, bool keyringAvailable,
                 bool nextPerson = false);

    // The server signed in as the user typed, with the password; complete after wxID_OK.
    DatabaseChoice choice() const;
    // What OK checks: a user name and a password. Public for tests.
    bool validateChoice();

private:
    std::string m_location;
    wxTextCtrl* m_user = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxCheckBox* m_remember = nullptr;
    wxStaticText* m_problem = nullptr;
};

} // namespace sp::gui
