#include "db/sqlite/OwnerLock.h"

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sp::db::sqlite {

namespace fs = std::filesystem;

class OwnerLock {
public:
    OwnerLock(int fd, std::pair<dev_t, ino_t> key, StoreAccess access) : m_fd(fd), m_key(key), m_access(access) {}
    ~OwnerLock();
    OwnerLock(const OwnerLock&) = delete;
    OwnerLock& operator=(const OwnerLock&) = delete;

    int fd() const { return m_fd; }
    StoreAccess access() const { return m_access; }

private:
    int m_fd;
    std::pair<dev_t, ino_t> m_key;
    StoreAccess m_access;
};

namespace {

using Key = std::pair<dev_t, ino_t>;

// The locks this process holds, by the lock file's identity: a second flock on a new
// descriptor of the same file would conflict with our own first one.
std::mutex& registryMutex()
{
    static std::mutex m;
    return m;
}

std::map<Key, std::weak_ptr<OwnerLock>>& registry()
{
    static std::map<Key, std::weak_ptr<OwnerLock>> r;
    return r;
}

// What the exclusive holder writes into the lock file, for the message others get.
void describeHolder(int fd)
{
    char text[160];
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &local);
    const int n = std::snprintf(text, sizeof text, "%ld\n%s\n", static_cast<long>(::getpid()), when);
    if (::ftruncate(fd, 0) == 0 && n > 0)
        (void)!::pwrite(fd, text, static_cast<std::size_t>(n), 0);
}

std::string holderOf(int fd)
{
    char text[160] = {};
    const ssize_t n = ::pread(fd, text, sizeof text - 1, 0);
    if (n <= 0)
        return "";
    const std::string s(text, static_cast<std::size_t>(n));
    const auto firstEnd = s.find('\n');
    const auto secondEnd = firstEnd == std::string::npos ? std::string::npos : s.find('\n', firstEnd + 1);
    if (secondEnd == std::string::npos || firstEnd == 0 ||
        s.find_first_not_of("0123456789") < firstEnd)
        return "";
    return " (process " + s.substr(0, firstEnd) + ", since " + s.substr(firstEnd + 1, secondEnd - firstEnd - 1) +
           ")";
}

[[noreturn]] void inTheApp(const fs::path& file, int fd)
{
    throw DbError(DbErrorKind::InUse,
                  "cannot open " + file.string() + ": it is open in the StretchPlan app on this computer" +
                      holderOf(fd) +
                      ". Do this in the app, or quit the app first: two programs using one clinic file at "
                      "once can lose each other's writes. Nothing was changed.");
}

// flock that waits up to the deadline for command-line holders, and fails at once on an
// app's exclusive lock (which it keeps until it quits).
void lockOrThrow(const fs::path& file, int fd, StoreAccess access, int timeoutMs)
{
    const int op = access == StoreAccess::Exclusive ? LOCK_EX : LOCK_SH;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    for (;;) {
        if (::flock(fd, op | LOCK_NB) == 0)
            return;
        if (errno == EINTR)
            continue;
        if (errno != EWOULDBLOCK)
            throw DbError(DbErrorKind::Io, "cannot lock " + ownerLockFileOf(file).string() + ": " +
                                               std::strerror(errno));
        if (access == StoreAccess::Shared)
            inTheApp(file, fd); // only an exclusive holder refuses a shared lock
        // Refused an exclusive lock: shared holders (commands that end soon) or an app.
        if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
            ::flock(fd, LOCK_UN);
        } else if (errno == EWOULDBLOCK) {
            inTheApp(file, fd);
        }
        if (std::chrono::steady_clock::now() >= deadline)
            throw DbError(DbErrorKind::InUse,
                          "cannot open " + file.string() +
                              ": a stretchplan-cli command is still using it; try again when it has finished. "
                              "Nothing was changed.");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace

OwnerLock::~OwnerLock()
{
    // Under the registry's mutex: a store of the same file opened meanwhile on another
    // thread must not meet this descriptor's lock as if another program held it.
    std::lock_guard guard(registryMutex());
    auto it = registry().find(m_key);
    if (it != registry().end() && it->second.expired())
        registry().erase(it);
    if (m_access == StoreAccess::Exclusive)
        (void)!::ftruncate(m_fd, 0);
    ::close(m_fd); // releases the flock
}

fs::path ownerLockFileOf(const fs::path& file)
{
    return fs::path(file.string() + ".lock");
}

std::shared_ptr<OwnerLock> acquireOwnerLock(const fs::path& file, StoreAccess access, int timeoutMs)
{
    const fs::path lockFile = ownerLockFileOf(file);
    const int fd = ::open(lockFile.c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0 && errno == ENOENT)
        throw DbError(DbErrorKind::Io, "cannot open " + file.string() + ": the folder " +
                                           lockFile.parent_path().string() + " does not exist");
    if (fd < 0)
        throw DbError(DbErrorKind::Io, "cannot open " + file.string() + ": cannot create its lock file " +
                                           lockFile.string() + ": " + std::strerror(errno));
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const std::string why = S_ISREG(st.st_mode) ? std::strerror(errno) : "it is not a regular file";
        ::close(fd);
        throw DbError(DbErrorKind::Io, "cannot open " + file.string() + ": its lock file " + lockFile.string() +
                                           " is unusable: " + why);
    }
    const Key key{st.st_dev, st.st_ino};

    std::lock_guard guard(registryMutex());
    if (auto held = registry()[key].lock()) {
        ::close(fd);
        // flock cannot turn a shared lock exclusive atomically: it may drop it on the way.
        if (access == StoreAccess::Exclusive && held->access() == StoreAccess::Shared)
            throw DbError(DbErrorKind::InUse, "cannot open " + file.string() +
                                                  " for the app: this process already has it open for the "
                                                  "command line. Nothing was changed.");
        return held;
    }
    try {
        lockOrThrow(file, fd, access, timeoutMs);
    } catch (...) {
        ::close(fd);
        throw;
    }
    if (access == StoreAccess::Exclusive)
        describeHolder(fd);
    auto lock = std::make_shared<OwnerLock>(fd, key, access);
    registry()[key] = lock;
    return lock;
}

} // namespace sp::db::sqlite
