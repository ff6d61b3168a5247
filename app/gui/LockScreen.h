// The lock screen: what a locked workstation shows instead of the window's contents. It
// names who it is locked for and asks for their password; nothing else can be done until
// the password is right (no Cancel, Escape and closing do nothing). The main window hides
// everything else while it is up (MainFrameLock.cpp).
#pragma once

#include "editor/Unlock.h"

#include <wx/dialog.h>

#include <functional>
#include <string>

class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class LockScreen : public wxDialog {
public:
    using Checker = std::function<UnlockResult(const std::string& password)>;
    // `lockedFor`: who may unlock it ("Ana Lee (ana)", or this computer's login name);
    // `onServer`: whose password it is (the clinic server's account, or this computer's).
    LockScreen(wxWindow* parent, const wxString& lockedFor, bool onServer, Checker check);

    // What Unlock does: checks the password; on success ends the dialog (wxID_OK) and
    // returns true; otherwise shows why, empties the field and returns false.
    bool tryUnlock(const wxString& password);
    // True once the right password was typed.
    bool unlocked() const { return m_unlocked; }
    // The words on the screen and the problem shown, for tests.
    wxString text() const;
    wxString problem() const;

private:
    Checker m_check;
    bool m_unlocked = false;
    wxStaticText* m_intro = nullptr;
    wxTextCtrl* m_password = nullptr;
    wxStaticText* m_problem = nullptr;
};

} // namespace sp::gui
