// What unlocks a locked workstation: the password of the person it is locked for. On a
// clinic server that is the signed-in staff member, and the server checks it (a connection
// of its own); on a clinic database file, which has no accounts, it is the account of this
// computer the app runs as, and the computer checks it (PAM).
#pragma once

#include "editor/Workspace.h"
#include "osauth/OsPassword.h"

#include <string>

namespace sp {

struct UnlockResult {
    bool unlocked = false;
    std::string problem; // why not, in words for the lock screen
};

// Who the workstation is locked for, as the lock screen names them: "Ana Lee (ana)" on a
// server, the computer's login name on a file.
std::string lockedFor(Workspace& workspace);

// Checks `password`; `pam` is the computer's password service (tests give their own).
// Never throws: every failure is a reason in the result, and the lock stays.
UnlockResult tryUnlock(Workspace& workspace, const std::string& password, const osauth::PamService& pam = {});

} // namespace sp
