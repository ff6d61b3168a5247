#include "editor/Unlock.h"

#include "db/OpenStore.h"

namespace sp {

std::string lockedFor(Workspace& workspace)
{
    if (workspace.onServer()) {
        if (const auto member = workspace.store().signedIn())
            return member->fullName.empty() ? member->login : member->fullName + " (" + member->login + ")";
        return workspace.user();
    }
    return osauth::currentLogin();
}

UnlockResult tryUnlock(Workspace& workspace, const std::string& password, const osauth::PamService& pam)
{
    if (password.empty())
        return {false, "Type the password."};
    if (workspace.onServer()) {
        try {
            db::confirmPassword(workspace.databaseLocation(), password);
            return {true, {}};
        } catch (const db::DbError& e) {
            if (e.kind() == db::DbErrorKind::Auth)
                return {false, "The server did not accept that password for " + lockedFor(workspace) + "."};
            return {false, "The password could not be checked: " + std::string(e.what()) +
                               ". It stays locked; try again once the server answers."};
        } catch (const std::exception& e) {
            return {false, "The password could not be checked: " + std::string(e.what())};
        }
    }
    const std::string login = osauth::currentLogin();
    const osauth::PasswordCheck check = osauth::checkPassword(login, password, pam);
    switch (check.outcome) {
    case osauth::PasswordOutcome::Accepted:
        return {true, {}};
    case osauth::PasswordOutcome::Refused:
        return {false, "That is not the password of " + login + " on this computer."};
    case osauth::PasswordOutcome::Unavailable:
        break;
    }
    return {false, "This computer could not check the password: " + check.message + "."};
}

} // namespace sp
