// Running the plugin runner as a child process with a time limit: its stdout (the
// report), the tail of its stderr, and the last phase it announced on fd 3, so that a
// crash or a hang can be described ("killed by SIGSEGV during register_exercises").
#pragma once

#include <chrono>
#include <filesystem>
#include <string>

namespace sp {

struct RunnerResult {
    enum class End { Exited = 1, Signalled, TimedOut, TooMuchOutput, NotStarted };
    End end = End::NotStarted;
    int exitCode = 0;      // End::Exited
    int signal = 0;        // End::Signalled
    std::string report;    // stdout
    std::string stderrTail; // the last few KiB of stderr
    std::string phase;     // the last phase announced, empty if none
    std::string startError; // End::NotStarted: why
};

inline constexpr std::size_t kMaxRunnerReportBytes = 64 * 1024 * 1024;

// Runs `runner library`; kills its process group when `limit` passes or the report
// grows past kMaxRunnerReportBytes.
RunnerResult runPluginRunner(const std::filesystem::path& runner, const std::filesystem::path& library,
                             std::chrono::milliseconds limit);

// "killed by SIGSEGV during register_exercises", "did not finish within 5 s (...)", ...;
// empty when the runner exited 0.
std::string describeRunnerFailure(const RunnerResult& result, std::chrono::milliseconds limit);

} // namespace sp
