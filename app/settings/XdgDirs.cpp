#include "settings/XdgDirs.h"

#include <cstdlib>

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

} // namespace sp
