#include "mail/XdgEmail.h"

#include "mail/Address.h"
#include "mail/Headers.h"
#include "mail/MailError.h"

#include <cerrno>
#include <cstring>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace sp::mail {

void composeWithXdgEmail(const ComposeRequest& r)
{
    requireAddress(r.to, "the recipient address"); // also keeps it from looking like an option
    requireSingleLine("subject", r.subject);
    std::vector<std::string> args{"xdg-email", "--utf8", "--subject", r.subject, "--body", r.body};
    if (!r.attachment.empty())
        args.insert(args.end(), {"--attach", r.attachment.string()});
    args.push_back(r.to);
    std::vector<char*> argv;
    for (std::string& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    if (const int rc = ::posix_spawnp(&pid, "xdg-email", nullptr, nullptr, argv.data(), environ); rc != 0)
        throw MailError(std::string("cannot start xdg-email (install xdg-utils): ") + std::strerror(rc));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            throw MailError(std::string("lost track of xdg-email: ") + std::strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw MailError("xdg-email could not open your mail program (exit status " +
                        std::to_string(WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)) + ")");
}

} // namespace sp::mail
