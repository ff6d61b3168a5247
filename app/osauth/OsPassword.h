// Checking the computer account's password: what unlocks the app when it works on a
// clinic database file (a server has accounts of its own and checks its own passwords).
// PAM does the checking, as a screen locker does, with the service "stretchplan"; where
// /etc/pam.d has no such file, PAM uses its "other" service (on Debian the system's
// common-auth and common-account).
#pragma once

#include <filesystem>
#include <string>

namespace sp::osauth {

// The PAM service asked. `confDir` empty: the system's (/etc/pam.d); tests give a folder of
// their own with a "stretchplan" file in it.
struct PamService {
    std::string name = "stretchplan";
    std::filesystem::path confDir;
};

enum class PasswordOutcome {
    Accepted = 1, // the password is the account's and the account may sign in
    Refused,      // a wrong password, or an account that may not sign in now
    Unavailable,  // PAM could not check (no such service, a module failed): say why
};

struct PasswordCheck {
    PasswordOutcome outcome = PasswordOutcome::Unavailable;
    std::string message; // PAM's own words for a failure; empty when accepted
};

// The login name of the account this process runs as ("" when the system has none).
std::string currentLogin();

// Asks PAM whether `password` is `login`'s and the account may sign in now. An empty
// password is refused without asking. PAM may take a few seconds to refuse (its delay
// after a failure): call it where waiting is expected.
PasswordCheck checkPassword(const std::string& login, const std::string& password, const PamService& service = {});

} // namespace sp::osauth
