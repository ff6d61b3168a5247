// Runs the real stretchplan-cli binary as a user would, with a clean environment (no
// user or system packs), and captures what it printed and how it exited.
#pragma once

#include <string>
#include <vector>

namespace sp::test {

struct CliRun {
    int exitCode = -1;
    std::string out;
    std::string err;

    std::vector<std::string> outLines() const;
    std::vector<std::string> errLines() const;
};

CliRun runCli(const std::vector<std::string>& args);

// Absolute path of a file or folder in the source tree.
std::string sourcePath(const std::string& relative);

} // namespace sp::test
