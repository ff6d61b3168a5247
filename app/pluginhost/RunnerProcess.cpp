#include "pluginhost/RunnerProcess.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sp {
namespace {

constexpr std::size_t kStderrTailBytes = 4096;

class Pipe {
public:
    Pipe()
    {
        if (::pipe2(m_fd.data(), O_CLOEXEC) != 0)
            m_fd = {-1, -1};
    }
    ~Pipe()
    {
        closeRead();
        closeWrite();
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    bool ok() const { return m_fd[0] >= 0; }
    int read() const { return m_fd[0]; }
    int write() const { return m_fd[1]; }
    void closeRead() { closeFd(m_fd[0]); }
    void closeWrite() { closeFd(m_fd[1]); }

private:
    static void closeFd(int& fd)
    {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
    std::array<int, 2> m_fd{};
};

std::string signalName(int signal)
{
    const char* abbrev = ::sigabbrev_np(signal);
    return abbrev ? std::string("SIG") + abbrev : "signal " + std::to_string(signal);
}

std::string lastLine(const std::string& text)
{
    std::string trimmed = text;
    while (!trimmed.empty() && (trimmed.back() == '\n' || trimmed.back() == '\r'))
        trimmed.pop_back();
    const auto newline = trimmed.rfind('\n');
    return newline == std::string::npos ? trimmed : trimmed.substr(newline + 1);
}

// True once `pid` has ended; it is left to be reaped (WNOWAIT), so that its process
// group id stays its own until then.
bool hasEnded(pid_t pid)
{
    siginfo_t info{};
    return ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// A descriptor that becomes readable when `pid` ends, or -1 (a kernel before 5.3). The
// system call is made directly: glibc 2.36's <sys/pidfd.h> lacks extern "C", so its
// pidfd_open cannot be linked from C++.
int openPidfd(pid_t pid)
{
#ifdef SYS_pidfd_open
    return static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
#else
    (void)pid;
    return -1;
#endif
}

} // namespace

RunnerResult runPluginRunner(const std::filesystem::path& runner, const std::filesystem::path& library,
                             std::chrono::milliseconds limit)
{
    RunnerResult result;
    Pipe out, err, phase;
    if (!out.ok() || !err.ok() || !phase.ok()) {
        result.startError = std::string("cannot create pipes: ") + std::strerror(errno);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attr;
    ::posix_spawn_file_actions_init(&actions);
    ::posix_spawnattr_init(&attr);
    ::posix_spawn_file_actions_adddup2(&actions, out.write(), STDOUT_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, err.write(), STDERR_FILENO);
    ::posix_spawn_file_actions_adddup2(&actions, phase.write(), 3);
    ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    // Its own process group, so that a plugin that forks is stopped with it.
    ::posix_spawnattr_setpgroup(&attr, 0);
    ::posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);
    const std::string runnerPath = runner.string();
    const std::string libraryPath = library.string();
    std::vector<char*> argv{const_cast<char*>(runnerPath.c_str()), const_cast<char*>(libraryPath.c_str()), nullptr};
    pid_t pid = 0;
    const int spawned = ::posix_spawn(&pid, runnerPath.c_str(), &actions, &attr, argv.data(), environ);
    ::posix_spawn_file_actions_destroy(&actions);
    ::posix_spawnattr_destroy(&attr);
    out.closeWrite();
    err.closeWrite();
    phase.closeWrite();
    if (spawned != 0) {
        result.startError = "cannot start " + runnerPath + ": " + std::strerror(spawned);
        return result;
    }

    // The deadline bounds the whole run: reading its output and waiting for it to end. A
    // plugin can close the pipes and keep running, so its end is watched through a pidfd
    // as well, never by a blocking waitpid.
    const auto deadline = std::chrono::steady_clock::now() + limit;
    const int exited = openPidfd(pid);
    std::string phaseText;
    std::array<pollfd, 4> fds{{{out.read(), POLLIN, 0}, {err.read(), POLLIN, 0}, {phase.read(), POLLIN, 0},
                               {exited, POLLIN, 0}}};
    std::array<char, 65536> buffer{};
    bool killed = false;
    for (;;) {
        const bool pipesOpen = fds[0].fd >= 0 || fds[1].fd >= 0 || fds[2].fd >= 0;
        const bool ended = exited >= 0 ? fds[3].fd < 0 : hasEnded(pid);
        if (!pipesOpen && ended)
            break;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) {
            result.end = RunnerResult::End::TimedOut;
            killed = true;
            break;
        }
        // Without a pidfd (an old kernel) the end is looked for every 20 ms instead. Once
        // the runner has ended, what it wrote is already in the pipes: it is read without
        // waiting, so that a process it left behind holding the pipes cannot hold the host.
        if (exited < 0)
            left = std::min(left, std::chrono::milliseconds(20));
        if (ended)
            left = std::chrono::milliseconds(0);
        const int ready = ::poll(fds.data(), fds.size(), static_cast<int>(left.count()));
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready == 0 && ended)
            break;
        if (fds[3].fd >= 0 && fds[3].revents != 0)
            fds[3].fd = -1; // the runner ended; what is left in the pipes is still read
        for (std::size_t i = 0; i < 3; ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
            if (n <= 0) {
                fds[i].fd = -1; // end of stream (the Pipe closes it)
                continue;
            }
            const std::string_view chunk(buffer.data(), static_cast<std::size_t>(n));
            if (i == 0) {
                result.report.append(chunk);
            } else if (i == 1) {
                result.stderrTail.append(chunk);
                if (result.stderrTail.size() > 2 * kStderrTailBytes)
                    result.stderrTail.erase(0, result.stderrTail.size() - kStderrTailBytes);
            } else {
                phaseText.append(chunk);
            }
        }
        if (result.report.size() > kMaxRunnerReportBytes) {
            result.end = RunnerResult::End::TooMuchOutput;
            killed = true;
            break;
        }
    }
    // The whole group goes, also what the plugin left running after the runner ended; the
    // runner is not reaped yet, so its process group id cannot have been reused.
    ::kill(-pid, SIGKILL);
    if (exited >= 0)
        ::close(exited);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!killed) {
        if (WIFSIGNALED(status)) {
            result.end = RunnerResult::End::Signalled;
            result.signal = WTERMSIG(status);
        } else {
            result.end = RunnerResult::End::Exited;
            result.exitCode = WEXITSTATUS(status);
        }
    }
    if (result.stderrTail.size() > kStderrTailBytes)
        result.stderrTail.erase(0, result.stderrTail.size() - kStderrTailBytes);
    result.phase = lastLine(phaseText);
    return result;
}

std::string describeRunnerFailure(const RunnerResult& r, std::chrono::milliseconds limit)
{
    const std::string during = r.phase.empty() ? std::string() : " during " + r.phase;
    const std::string detail = lastLine(r.stderrTail).empty() ? std::string() : " (" + lastLine(r.stderrTail) + ")";
    switch (r.end) {
    case RunnerResult::End::Exited:
        return r.exitCode == 0 ? std::string()
                               : "the plugin runner exited with code " + std::to_string(r.exitCode) + during + detail;
    case RunnerResult::End::Signalled:
        return "killed by " + signalName(r.signal) + during;
    case RunnerResult::End::TimedOut: {
        const auto ms = limit.count();
        const std::string limitText = ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
        return "did not finish within " + limitText + " and was stopped" + during;
    }
    case RunnerResult::End::TooMuchOutput:
        return "wrote more than 64 MiB and was stopped" + during;
    case RunnerResult::End::NotStarted:
        return r.startError;
    }
    return "unknown failure";
}

} // namespace sp
