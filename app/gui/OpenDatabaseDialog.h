// File > Open clinic database: a file on this computer (SQLite), or the clinic's server
// (host, port, database, user and how its TLS certificate is checked). The server's
// password may be typed here; it is then kept only in memory, or in the OS keyring when
// the clinician asks, never in the settings.
#pragma once

#include "db/ServerLocation.h"

#include <wx/dialog.h>

#include <map>
#include <string>

class wxCheckBox;
class wxChoice;
class wxFilePickerCtrl;
class wxRadioButton;
class wxSpinCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

struct DatabaseChoice {
    std::string location;          // a file path, or a server's postgresql:// URI (or service=NAME)
    std::string password;          // typed in; empty: the keyring or libpq's own sources
    bool rememberPassword = false; // store the typed password in the OS keyring once it worked
};

class OpenDatabaseDialog : public wxDialog {
public:
    // Starts from `current` (the database open now): its file, or its server's fields.
    OpenDatabaseDialog(wxWindow* parent, const std::string& current, bool keyringAvailable);

    // What was chosen; complete once the dialog ended with wxID_OK.
    DatabaseChoice choice() const;

    // The checks OK runs: true when the choice is complete; otherwise each problem is shown
    // under its field. Public so that tests can fill the fields and press OK.
    bool validateChoice();

private:
    wxWindow* buildFilePage();
    wxWindow* buildServerPage(bool keyringAvailable);
    void showServerFields(const db::ServerFields& fields);
    db::ServerFields serverFields() const;
    void updateEnabled();
    wxStaticText* messageLabel(wxWindow* parent, const std::string& field);

    wxRadioButton* m_useFile = nullptr;
    wxRadioButton* m_useServer = nullptr;
    wxWindow* m_filePage = nullptr;
    wxWindow* m_serverPage = nullptr;
    wxFilePickerCtrl* m_file = nullptr;
    wxTextCtrl* m_host = nullptr;
    wxSpinCtrl* m_port = nullptr;
    wxTextCtrl* m_database = nullptr;
    wxTextCtrl* m_user = nullptr;
    wxChoice* m_tls = nullptr;
    wxFilePickerCtrl* m_ca = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxCheckBox* m_remember = nullptr;
    std::string m_service; // a service=NAME location is kept as it is
    std::map<std::string, wxStaticText*> m_messages;
};

} // namespace sp::gui
