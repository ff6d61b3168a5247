#include "settings/XdgDirs.h"

#include <cstdlib>
#include <system_error>

#include <pwd.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace sp {
namespace {

fs::path xdgDir(const char* variable, const fs::path& underHome)
{
    const char* value = std::getenv(variable);
    if (value && *value && fs::path(value).is_absolute())
        return fs::path(value) / "stretchplan";
    const char* home = std::getenv("HOME");
    if (home && *home)
        return fs::path(home) / underHome / "stretchplan";
    return {};
}

} // namespace

fs::path userConfigDir()
{
    return xdgDir("XDG_CONFIG_HOME", ".config");
}

fs::path userDataDir()
{
    return xdgDir("XDG_DATA_HOME", fs::path(".local") / "share");
}

fs::path userCacheDir()
{
    return xdgDir("XDG_CACHE_HOME", ".cache");
}

fs::path defaultDatabasePath()
{
    const fs::path dir = userDataDir();
    return dir.empty() ? fs::path() : dir / "clinic.db";
}

bool createPrivateDataDir(const fs::path& folder)
{
    std::error_code ec;
    fs::create_directories(folder, ec);
    fs::permissions(folder, fs::perms::owner_all, ec);
    return fs::is_directory(folder, ec);
}

std::string loginName()
{
    if (const passwd* pw = ::getpwuid(::geteuid()); pw && pw->pw_name)
        return pw->pw_name;
    const char* user = std::getenv("USER");
    return user && *user ? user : "unknown";
}

std::string accountFullName()
{
    const passwd* pw = ::getpwuid(::geteuid());
    if (!pw || !pw->pw_gecos)
        return {};
    std::string gecos = pw->pw_gecos;
    return gecos.substr(0, gecos.find(','));
}

} // namespace sp
