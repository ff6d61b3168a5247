#include "RunCli.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <chrono>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sp::test {
namespace {

std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

std::string slurp(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

} // namespace

std::vector<std::string> CliRun::outLines() const { return splitLines(out); }
std::vector<std::string> CliRun::errLines() const { return splitLines(err); }

std::string sourcePath(const std::string& relative)
{
    return (std::filesystem::path(SP_SOURCE_DIR) / relative).string();
}

CliRun runCli(const std::vector<std::string>& args, const CliOptions& options)
{
    const auto dir = std::filesystem::temp_directory_path() / ("sp-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir / "home");
    const std::string home = options.home.empty() ? (dir / "home").string() : options.home;
    const auto outFile = dir / "stdout";
    const auto errFile = dir / "stderr";

    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        const int out = ::open(outFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err = ::open(errFile.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int in = ::open("/dev/null", O_RDONLY);
        ::dup2(in, 0);
        ::dup2(out, 1);
        ::dup2(err, 2);
        if (::chdir(SP_SOURCE_DIR) != 0)
            ::_exit(126);
        ::setenv("HOME", home.c_str(), 1);
        ::setenv("XDG_DATA_HOME", (home + "/.local/share").c_str(), 1);
        ::setenv("XDG_CONFIG_HOME", (home + "/.config").c_str(), 1);
        ::setenv("XDG_CACHE_HOME", (home + "/.cache").c_str(), 1);
        ::setenv("XDG_DATA_DIRS", (home + "/no-system-packs").c_str(), 1);
        for (const auto& [name, value] : options.env)
            ::setenv(name.c_str(), value.c_str(), 1);
        std::vector<char*> argv{const_cast<char*>(SP_CLI_PATH)};
        for (const std::string& a : args)
            argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        ::execv(SP_CLI_PATH, argv.data());
        ::_exit(127);
    }
    int status = 0;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(options.timeoutSeconds);
    bool killed = false;
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (!killed && std::chrono::steady_clock::now() >= deadline) {
            ::kill(pid, SIGKILL);
            killed = true;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(killed ? 1 : 5));
    }
    CliRun run;
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    run.out = slurp(outFile);
    run.err = slurp(errFile);
    if (killed)
        run.err += "\n[killed: still running after " + std::to_string(options.timeoutSeconds) + " s]\n";
    std::filesystem::remove_all(dir);
    return run;
}

} // namespace sp::test
