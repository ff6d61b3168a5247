// stretchplan-plugin-runner LIBRARY: loads one native plugin and prints its report (JSON)
// on stdout. The host starts it with a pipe on fd 3, where each phase is announced before
// it starts. Exit 0 with a report, also for a plugin the runner refused; 2 for misuse.
#include "PluginCall.h"

#include <stretchplan/plugin.h>

#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <unistd.h>

namespace {

int g_phaseFd = -1;

void announce(const char* phase)
{
    if (g_phaseFd < 0)
        return;
    const std::string line = std::string(phase) + "\n";
    (void)!::write(g_phaseFd, line.data(), line.size());
}

bool writeAll(int fd, const std::string& text)
{
    std::size_t done = 0;
    while (done < text.size()) {
        const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0)
            return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("stretchplan-plugin-runner (plugin ABI %d.%d)\n", SP_PLUGIN_ABI_MAJOR, SP_PLUGIN_ABI_MINOR);
        return 0;
    }
    if (argc != 2) {
        std::fprintf(stderr, "usage: stretchplan-plugin-runner LIBRARY\n");
        return 2;
    }
    if (::fcntl(3, F_GETFD) != -1)
        g_phaseFd = 3;
    // The report gets a descriptor of its own; whatever the plugin prints goes to stderr.
    const int reportFd = ::fcntl(STDOUT_FILENO, F_DUPFD_CLOEXEC, 4);
    if (reportFd < 0 || ::dup2(STDERR_FILENO, STDOUT_FILENO) < 0) {
        std::perror("stretchplan-plugin-runner");
        return 1;
    }
    const nlohmann::json report = sp::runner::callPlugin(argv[1], announce);
    std::fflush(stdout);
    if (!writeAll(reportFd, report.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n"))
        return 1;
    return 0;
}
