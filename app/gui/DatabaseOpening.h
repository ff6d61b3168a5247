// Opening the clinic database from the app: the server's password from the OS keyring, the
// screen shown when the database cannot be opened (Retry, Open a local database, Choose
// another database), and the location remembered for the next start. The app starts
// through it, and File > Open clinic database goes through it too.
#pragma once

#include "editor/Workspace.h"
#include "gui/OpenDatabaseDialog.h"

#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>

class wxCheckBox;
class wxTextCtrl;

namespace sp::gui {

// Why the database did not open, as the failure screen shows it.
struct OpenFailure {
    std::string location;        // as shown: without a password
    wxString reason;             // the store's message: what, where and why
    bool server = false;
    bool askPassword = false;    // the server refused the sign-in
    bool localAvailable = false; // the default file is another database than this one
    bool atStart = false;        // nothing else is open: giving up quits the app
};

enum class FailureAction { Retry = 1, OpenLocal, ChooseAnother, GiveUp };

struct FailureAnswer {
    FailureAction action = FailureAction::GiveUp;
    std::string password; // with Retry after a refused sign-in
    bool remember = false;
};

class DatabaseUnavailableDialog : public wxDialog {
public:
    DatabaseUnavailableDialog(wxWindow* parent, const OpenFailure& failure, bool keyringAvailable);
    FailureAnswer answer() const { return m_answer; }
    // The screen's words, for tests.
    wxString text() const { return m_text; }
    // What a button press does (tests press them without a modal loop).
    void choose(FailureAction action);

private:
    FailureAnswer m_answer;
    wxString m_text;
    wxTextCtrl* m_password = nullptr;
    wxCheckBox* m_remember = nullptr;
};

// The questions the opening asks; tests replace them so that no modal dialog waits.
struct DatabasePrompts {
    std::function<FailureAnswer(wxWindow* parent, const OpenFailure& failure)> failure;
    // The sign-in for a server: the server signed in as someone, with a password; nullopt
    // when the clinician cancels. `message` says why it asks (empty: signing in). For
    // `nextPerson` (switching user) nothing of the current person is filled in.
    std::function<std::optional<DatabaseChoice>(wxWindow* parent, const std::string& location, const wxString& message,
                                                bool nextPerson)>
        signIn;
    std::function<std::optional<DatabaseChoice>(wxWindow* parent, const std::string& current)> choose;
};
DatabasePrompts defaultDatabasePrompts();

// The database as a person reads it: a server's account ("ana@db.clinic.example:5432/
// clinic"), or a file, in the home folder as "~/…".
wxString databaseLabel(const std::string& location);

// The password the keyring holds for a server location; empty for a file, when none is
// stored, or when no keyring answers.
std::string keyringPassword(const std::string& location);

// The status bar's words for who works where: "Ana Lee (clinician) · db:5432/clinic" on
// a server, "File: ~/…" for a file.
wxString signedInLabel(Workspace& workspace);

// True when a server's password needs no asking: it is in the location, or in PGPASSWORD.
bool passwordAtHand(const std::string& location);

// The location to open at start: `commandLine` (--db) when given, else the one opened
// last from the app, else the default file.
std::string startLocation(const std::string& commandLine);

// Opens `choice` in the workspace; on failure shows the failure screen and does what the
// clinician chooses, until a database is open (true) or they give up (false: whatever
// was open before stays open). A location the clinician chose in the app (`chosenInApp`,
// or on the failure screen) is remembered for the next start once it opened; a typed
// password goes into the keyring when they asked for it.
bool openDatabaseInteractively(wxWindow* parent, Workspace& workspace, DatabaseChoice choice, bool chosenInApp,
                               bool atStart, const DatabasePrompts& prompts);

} // namespace sp::gui
