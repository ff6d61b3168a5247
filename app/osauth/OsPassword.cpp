#include "osauth/OsPassword.h"

#include <security/pam_appl.h>

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace sp::osauth {
namespace {

struct Conversation {
    const std::string* password;
    std::string said; // PAM's error and information messages, for a failure's reason
};

// PAM's questions: the password for every hidden prompt; a visible prompt (which would be
// the user name, already given) and anything unknown end the conversation.
int converse(int count, const pam_message** messages, pam_response** responses, void* data)
{
    auto* conversation = static_cast<Conversation*>(data);
    if (count <= 0 || count > PAM_MAX_NUM_MSG)
        return PAM_CONV_ERR;
    auto* replies = static_cast<pam_response*>(std::calloc(static_cast<std::size_t>(count), sizeof(pam_response)));
    if (!replies)
        return PAM_BUF_ERR;
    for (int i = 0; i < count; ++i) {
        switch (messages[i]->msg_style) {
        case PAM_PROMPT_ECHO_OFF:
            replies[i].resp = strdup(conversation->password->c_str());
            if (!replies[i].resp)
                break;
            continue;
        case PAM_ERROR_MSG:
        case PAM_TEXT_INFO:
            if (messages[i]->msg && *messages[i]->msg) {
                if (!conversation->said.empty())
                    conversation->said += ' ';
                conversation->said += messages[i]->msg;
            }
            continue;
        default:
            break;
        }
        for (int j = 0; j <= i; ++j)
            if (replies[j].resp) {
                explicit_bzero(replies[j].resp, std::strlen(replies[j].resp));
                std::free(replies[j].resp);
            }
        std::free(replies);
        return PAM_CONV_ERR;
    }
    *responses = replies;
    return PAM_SUCCESS;
}

bool refusal(int status)
{
    switch (status) {
    case PAM_AUTH_ERR:
    case PAM_USER_UNKNOWN:
    case PAM_MAXTRIES:
    case PAM_PERM_DENIED:
    case PAM_ACCT_EXPIRED:
    case PAM_NEW_AUTHTOK_REQD:
    case PAM_CRED_INSUFFICIENT:
        return true;
    default:
        return false;
    }
}

} // namespace

std::string currentLogin()
{
    std::vector<char> buffer(16384);
    passwd entry{};
    passwd* found = nullptr;
    if (getpwuid_r(getuid(), &entry, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name)
        return found->pw_name;
    return {};
}

PasswordCheck checkPassword(const std::string& login, const std::string& password, const PamService& service)
{
    if (login.empty())
        return {PasswordOutcome::Unavailable, "this computer names no account for the app's user"};
    if (password.empty())
        return {PasswordOutcome::Refused, "no password was typed"};
    Conversation conversation{&password, {}};
    const pam_conv conv{&converse, &conversation};
    pam_handle_t* pam = nullptr;
    const std::string confDir = service.confDir.string();
    int status = pam_start_confdir(service.name.c_str(), login.c_str(), &conv,
                                   confDir.empty() ? nullptr : confDir.c_str(), &pam);
    if (status != PAM_SUCCESS) {
        const std::string why = pam ? pam_strerror(pam, status) : "PAM could not start";
        if (pam)
            pam_end(pam, status);
        return {PasswordOutcome::Unavailable, "the password check (PAM service \"" + service.name + "\") " + why};
    }
    status = pam_authenticate(pam, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK);
    if (status == PAM_SUCCESS)
        status = pam_acct_mgmt(pam, PAM_SILENT | PAM_DISALLOW_NULL_AUTHTOK);
    PasswordCheck result;
    if (status == PAM_SUCCESS) {
        result.outcome = PasswordOutcome::Accepted;
    } else {
        result.outcome = refusal(status) ? PasswordOutcome::Refused : PasswordOutcome::Unavailable;
        result.message = pam_strerror(pam, status);
        if (!conversation.said.empty())
            result.message += " (" + conversation.said + ")";
    }
    pam_end(pam, status);
    return result;
}

} // namespace sp::osauth
