#include "pluginhost/PluginDirs.h"

#include <cstdlib>
#include <system_error>

namespace fs = std::filesystem;

namespace sp {
namespace {

const fs::path kRelativePluginDir = fs::path("stretchplan") / "plugins";

std::string env(const char* name)
{
    const char* value = std::getenv(name);
    return value ? value : "";
}

fs::path executableDir()
{
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path() : exe.parent_path();
}

bool sameFolder(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    return fs::equivalent(a, b, ec) || a.lexically_normal() == b.lexically_normal();
}

} // namespace

fs::path builtInDataDir()
{
    const fs::path exeDir = executableDir();
    if (exeDir.empty())
        return {};
    const fs::path installed = exeDir.parent_path() / SP_INSTALL_DATADIR / "stretchplan";
    std::error_code ec;
    if (fs::is_directory(installed / "plugins", ec))
        return installed;
    // Relative to build/bin, so no path of the build machine is compiled into the binary.
    return (exeDir / SP_SOURCE_DIR_FROM_BIN).lexically_normal();
}

fs::path builtInPluginDir()
{
    return builtInDataDir() / "plugins";
}

fs::path builtInNativePluginDir()
{
    return executableDir().parent_path() / SP_INSTALL_LIBDIR / "stretchplan" / "plugins";
}

std::vector<PluginDir> pluginDirs(const PluginDirOptions& options)
{
    std::vector<PluginDir> dirs;
    const auto add = [&](const fs::path& path, PluginOrigin origin) {
        for (const PluginDir& d : dirs)
            if (sameFolder(d.path, path))
                return;
        dirs.push_back({path, origin});
    };
    const fs::path builtIn = builtInPluginDir();
    if (options.builtIn) {
        add(builtIn, PluginOrigin::BuiltIn);
        std::error_code ec;
        if (fs::is_directory(builtInNativePluginDir(), ec))
            add(builtInNativePluginDir(), PluginOrigin::BuiltIn);
    }

    std::string dataDirs = env("XDG_DATA_DIRS");
    if (dataDirs.empty())
        dataDirs = "/usr/local/share:/usr/share";
    std::size_t start = 0;
    while (start <= dataDirs.size()) {
        const auto end = dataDirs.find(':', start);
        const std::string dir = dataDirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        // Relative entries are invalid per the XDG spec; the built-in folder is not a system one.
        if (!dir.empty() && fs::path(dir).is_absolute() && !sameFolder(dir / kRelativePluginDir, builtIn))
            add(dir / kRelativePluginDir, PluginOrigin::System);
        if (end == std::string::npos)
            break;
        start = end + 1;
    }

    fs::path dataHome = env("XDG_DATA_HOME");
    if (dataHome.empty() || !dataHome.is_absolute()) {
        const std::string home = env("HOME");
        dataHome = home.empty() ? fs::path() : fs::path(home) / ".local" / "share";
    }
    if (!dataHome.empty())
        add(dataHome / kRelativePluginDir, PluginOrigin::User);

    for (const fs::path& extra : options.extraDirs)
        add(extra, PluginOrigin::CommandLine);
    return dirs;
}

} // namespace sp
