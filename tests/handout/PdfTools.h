// Test helpers that look at rendered PDFs the way readers do: the poppler-utils and qpdf
// command-line tools (pdftotext, pdffonts, pdfinfo, pdfimages, qpdf), run without a shell
// so that paths need no quoting, plus a throwaway folder for the files.
#pragma once

#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace sp::handout::test {

struct ToolRun {
    int exitCode = -1; // 127: the tool could not be started
    std::string out;
    std::string err;
};

// Runs argv[0] (looked up in PATH) and collects both output streams.
inline ToolRun runTool(const std::vector<std::string>& argv)
{
    std::vector<char*> args; // built before fork: the child only calls exec-safe functions
    for (const std::string& arg : argv)
        args.push_back(const_cast<char*>(arg.c_str()));
    args.push_back(nullptr);
    int outPipe[2], errPipe[2];
    if (::pipe(outPipe) != 0 || ::pipe(errPipe) != 0)
        throw std::runtime_error("pipe failed");
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(outPipe[1], STDOUT_FILENO);
        ::dup2(errPipe[1], STDERR_FILENO);
        for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
            ::close(fd);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    ::close(outPipe[1]);
    ::close(errPipe[1]);
    ToolRun run;
    // Read both pipes as they fill: a tool blocked on a full stderr would never exit.
    pollfd fds[2] = {{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&run.out, &run.err};
    int open = 2;
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buffer[65536];
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

inline std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> result;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        result.push_back(line);
    return result;
}

inline std::vector<std::string> words(const std::string& line)
{
    std::vector<std::string> result;
    std::istringstream in(line);
    for (std::string word; in >> word;)
        result.push_back(word);
    return result;
}

// The cells of the table pdffonts prints: the column bounds are taken from the groups of
// dashes under the header, since a cell may contain spaces ("CID TrueType").
inline std::vector<std::vector<std::string>> tableRows(const std::string& output)
{
    const std::vector<std::string> all = lines(output);
    std::vector<std::vector<std::string>> rows;
    if (all.size() < 2)
        return rows;
    const std::string& dashes = all[1];
    std::vector<std::pair<std::size_t, std::size_t>> columns;
    for (std::size_t i = 0; i < dashes.size();) {
        if (dashes[i] != '-') {
            ++i;
            continue;
        }
        const std::size_t start = i;
        while (i < dashes.size() && dashes[i] == '-')
            ++i;
        columns.emplace_back(start, i);
    }
    for (std::size_t r = 2; r < all.size(); ++r) {
        std::vector<std::string> cells;
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::size_t end = c + 1 < columns.size() ? columns[c + 1].first : all[r].size();
            std::string cell = columns[c].first < all[r].size()
                                   ? all[r].substr(columns[c].first, end - columns[c].first)
                                   : std::string();
            cell.erase(0, cell.find_first_not_of(' '));
            cell.erase(cell.find_last_not_of(' ') + 1);
            cells.push_back(cell);
        }
        rows.push_back(cells);
    }
    return rows;
}

// "Title:   Home exercises" -> "Home exercises", from pdfinfo's output.
inline std::string infoField(const std::string& pdfinfoOutput, const std::string& field)
{
    for (const std::string& line : lines(pdfinfoOutput)) {
        if (line.rfind(field + ":", 0) == 0) {
            const std::size_t value = line.find_first_not_of(' ', field.size() + 1);
            return value == std::string::npos ? std::string() : line.substr(value);
        }
    }
    return {};
}

inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh folder under the system temp dir, removed with everything in it.
class TempDir {
public:
    TempDir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "sp-handout-XXXXXX").string();
        if (!::mkdtemp(pattern.data()))
            throw std::runtime_error("mkdtemp failed");
        m_path = pattern;
    }
    ~TempDir()
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return m_path; }
    std::filesystem::path operator/(const std::string& name) const { return m_path / name; }

private:
    std::filesystem::path m_path;
};

} // namespace sp::handout::test
