// Runs the real stretchplan-cli binary as a user would, with a clean environment (no
// user or system packs), and captures what it printed and how it exited.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace sp::test {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;

    std::vector<std::string> outLines() const;
    std::vector<std::string> errLines() const;
};

struct CliOptions {
    std::string home; // empty: a fresh home folder for this run alone
    std::vector<std::pair<std::string, std::string>> env; // set after the clean defaults
    // A run still going after this long is killed (SIGKILL, exit code 137) and its stderr
    // says so: a command that hangs fails its test instead of hanging the suite.
    int timeoutSeconds = 300;
};

// HOME and the XDG folders are set so that nothing of the user running the tests is read
// or written; the rest of the test process's environment is passed on (main.cpp clears
// StretchPlan's own variables when the tests start).
CliRun runCli(const std::vector<std::string>& args, const CliOptions& options = {});

// Absolute path of a file or folder in the source tree.
std::string sourcePath(const std::string& relative);

} // namespace sp::test
