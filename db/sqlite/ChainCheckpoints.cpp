#include "db/sqlite/ChainCheckpoints.h"

#include <cerrno>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp::db::sqlite {
namespace {

[[noreturn]] void throwIo(const std::string& what, const fs::path& file, int error)
{
    throw DbError(DbErrorKind::Io, "could not " + what + " the audit checkpoint file " + file.string() + ": " +
                                       std::strerror(error));
}

bool isHexHash(const std::string& text)
{
    return text.size() == 64 && text.find_first_not_of("0123456789abcdef") == std::string::npos;
}

std::optional<AuditHead> parseLine(const std::string& line)
{
    const std::size_t space = line.find(' ');
    if (space == std::string::npos || space == 0 || space > 18)
        return std::nullopt;
    const std::string id = line.substr(0, space);
    if (id.find_first_not_of("0123456789") != std::string::npos || id[0] == '0')
        return std::nullopt;
    AuditHead head{std::stoll(id), line.substr(space + 1)};
    if (!isHexHash(head.hash))
        return std::nullopt;
    return head;
}

// What a crash leaves of a line whose write was cut short: a start of "<id> <hash>".
bool isTornLine(const std::string& line)
{
    const std::size_t space = line.find(' ');
    const std::string id = line.substr(0, space);
    if (id.empty() || id.find_first_not_of("0123456789") != std::string::npos)
        return false;
    if (space == std::string::npos)
        return true;
    const std::string hash = line.substr(space + 1);
    return hash.size() < 64 && hash.find_first_not_of("0123456789abcdef") == std::string::npos;
}

} // namespace

fs::path checkpointFileOf(const fs::path& database)
{
    return fs::path(database.string() + ".chain");
}

std::optional<CheckpointFile> readCheckpoints(const fs::path& file)
{
    const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ENOENT)
            return std::nullopt;
        throwIo("open", file, errno);
    }
    std::string text;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int error = errno;
            ::close(fd);
            throwIo("read", file, error);
        }
        if (n == 0)
            break;
        text.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(fd);
    CheckpointFile out;
    std::size_t start = 0;
    for (int number = 1;; ++number) {
        const std::size_t end = text.find('\n', start);
        if (end == std::string::npos)
            break; // nothing, or a last line cut short by a crash
        const std::string line = text.substr(start, end - start);
        if (auto head = parseLine(line))
            out.checkpoints.push_back(*head);
        else if (!isTornLine(line))
            out.problems.push_back("line " + std::to_string(number) + " is not an entry id and its hash");
        start = end + 1;
    }
    return out;
}

namespace {

std::string lineOf(const AuditHead& head)
{
    return std::to_string(head.id) + " " + head.hash + "\n";
}

void writeAndSync(int fd, const fs::path& file, const std::string& text, bool created)
{
    // One write(2) with O_APPEND: lines of two processes never interleave.
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n != static_cast<ssize_t>(text.size())) {
        const int error = n < 0 ? errno : EIO;
        ::close(fd);
        throwIo("write", file, error);
    }
    if (::fsync(fd) != 0) {
        const int error = errno;
        ::close(fd);
        throwIo("flush", file, error);
    }
    ::close(fd);
    if (created) { // the new name must be on disk too
        const fs::path folder = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        const int dir = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            ::fsync(dir);
            ::close(dir);
        }
    }
}

} // namespace

void appendCheckpoint(const fs::path& file, const AuditHead& head)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throwIo("open", file, errno);
    struct stat st {};
    const bool created = ::fstat(fd, &st) == 0 && st.st_size == 0;
    // After a line cut short by a crash, start a line of our own.
    char last = '\n';
    if (!created && ::pread(fd, &last, 1, st.st_size - 1) != 1)
        last = '\n';
    writeAndSync(fd, file, (last == '\n' ? "" : "\n") + lineOf(head), created);
}

void writeCheckpointFile(const fs::path& file, const std::vector<AuditHead>& heads)
{
    const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        throwIo("create", file, errno);
    std::string text;
    for (const AuditHead& head : heads)
        text += lineOf(head);
    writeAndSync(fd, file, text, true);
}

} // namespace sp::db::sqlite
