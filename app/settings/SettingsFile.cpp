#include "settings/SettingsFile.h"

#include "settings/XdgDirs.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp {
namespace {

constexpr std::uintmax_t kMaxSettingsBytes = 1024 * 1024;

std::string errnoText()
{
    return std::strerror(errno);
}

// Holds an flock on "<settings>.lock" for the lifetime of the object.
class FileLock {
public:
    explicit FileLock(const fs::path& file)
    {
        const fs::path lockPath = file.string() + ".lock";
        m_fd = ::open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        if (m_fd < 0)
            throw SettingsError(lockPath.string() + ": cannot open the settings lock: " + errnoText());
        if (::flock(m_fd, LOCK_EX) != 0) {
            const std::string why = errnoText();
            ::close(m_fd);
            throw SettingsError(lockPath.string() + ": cannot lock the settings: " + why);
        }
    }
    ~FileLock() { ::close(m_fd); } // closing releases the lock
    FileLock(const FileLock&) = delete;
    FileLock& operator=(const FileLock&) = delete;

private:
    int m_fd = -1;
};

} // namespace

fs::path defaultSettingsPath()
{
    const char* overridden = std::getenv("SP_SETTINGS_FILE");
    if (overridden && *overridden)
        return overridden;
    const fs::path dir = userConfigDir();
    if (dir.empty())
        throw SettingsError("no settings folder: neither XDG_CONFIG_HOME nor HOME is set");
    return dir / "settings.json";
}

SettingsFile::SettingsFile(fs::path path) : m_path(std::move(path)) {}

SettingsFile SettingsFile::load(const fs::path& path)
{
    SettingsFile settings(path);
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || status.type() == fs::file_type::not_found)
        return settings;
    if (status.type() != fs::file_type::regular)
        throw SettingsError(path.string() + ": the settings file is not a regular file");
    const auto size = fs::file_size(path, ec);
    if (ec)
        throw SettingsError(path.string() + ": cannot read the settings file: " + ec.message());
    if (size > kMaxSettingsBytes)
        throw SettingsError(path.string() + ": the settings file is larger than 1 MiB");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof())
        throw SettingsError(path.string() + ": cannot read the settings file");

    std::vector<Problem> problems;
    ProblemSink sink(path.string(), problems);
    auto doc = parseJsonText(text.str(), sink);
    if (doc && !doc->is_object())
        sink.add("", "the settings file must hold a JSON object");
    if (!problems.empty())
        throw SettingsError("the settings file cannot be used (fix or remove it):" + describeProblems(problems));
    settings.m_doc = std::move(*doc);
    return settings;
}

Json SettingsFile::section(const std::string& name) const
{
    const auto it = m_doc.find(name);
    return it == m_doc.end() ? Json::object() : *it;
}

void SettingsFile::setSection(const std::string& name, Json value)
{
    m_doc[name] = std::move(value);
}

void SettingsFile::save() const
{
    writePrivateFile(m_path, m_doc.dump(2) + "\n");
}

void writePrivateFile(const fs::path& path, const std::string& text)
{
    std::error_code ec;
    if (path.has_parent_path())
        fs::create_directories(path.parent_path(), ec);
    if (ec)
        throw SettingsError(path.parent_path().string() + ": cannot create the settings folder: " + ec.message());
    const fs::path temp = path.string() + ".tmp";
    const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        throw SettingsError(temp.string() + ": cannot write the settings: " + errnoText());
    std::size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const std::string why = errnoText();
            ::close(fd);
            ::unlink(temp.c_str());
            throw SettingsError(temp.string() + ": cannot write the settings: " + why);
        }
        written += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const std::string why = errnoText();
        ::unlink(temp.c_str());
        throw SettingsError(temp.string() + ": cannot write the settings: " + why);
    }
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        const std::string why = errnoText();
        ::unlink(temp.c_str());
        throw SettingsError(path.string() + ": cannot replace the settings file: " + why);
    }
}

void SettingsFile::update(const fs::path& path, const std::function<void(SettingsFile&)>& change)
{
    std::error_code ec;
    if (path.has_parent_path())
        fs::create_directories(path.parent_path(), ec);
    const FileLock lock(path);
    SettingsFile settings = load(path);
    change(settings);
    settings.save();
}

std::string describeProblems(const std::vector<Problem>& problems)
{
    std::string lines;
    for (const Problem& p : problems)
        lines += "\n" + p.format();
    return lines;
}

} // namespace sp
