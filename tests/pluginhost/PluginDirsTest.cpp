#include "pluginhost/PluginDirs.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <optional>
#include <string>

using namespace sp;
namespace fs = std::filesystem;

namespace {

// Sets environment variables for one test and restores them afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name)
    {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv()
    {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

std::vector<std::string> paths(const std::vector<PluginDir>& dirs)
{
    std::vector<std::string> out;
    for (const PluginDir& d : dirs)
        out.push_back(d.path.string());
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plugin_dirs)

BOOST_AUTO_TEST_CASE(build_tree_run_finds_the_source_tree_packs)
{
    BOOST_TEST(builtInPluginDir() == fs::path(SP_SOURCE_DIR) / "plugins");
}

BOOST_AUTO_TEST_CASE(build_tree_run_finds_the_built_native_plugins_beside_its_binaries)
{
    BOOST_TEST(fs::exists(builtInNativePluginDir() / "native-hello" / "native-hello.so"));
}

BOOST_AUTO_TEST_CASE(searches_built_in_system_user_then_command_line_in_order)
{
    ScopedEnv dirs("XDG_DATA_DIRS", "/opt/a:relative/ignored::/opt/b");
    ScopedEnv home("XDG_DATA_HOME", "/home/pt/.data");
    PluginDirOptions options;
    options.extraDirs = {"/clinic/packs", "/more/packs"};
    const auto result = pluginDirs(options);
    // A build-tree run has the example native plugin in the build tree's native folder.
    BOOST_TEST((paths(result) == std::vector<std::string>{builtInPluginDir().string(),
                                                          builtInNativePluginDir().string(),
                                                          "/opt/a/stretchplan/plugins",
                                                          "/opt/b/stretchplan/plugins",
                                                          "/home/pt/.data/stretchplan/plugins",
                                                          "/clinic/packs",
                                                          "/more/packs"}));
    BOOST_TEST(static_cast<int>(result[0].origin) == static_cast<int>(PluginOrigin::BuiltIn));
    BOOST_TEST(static_cast<int>(result[1].origin) == static_cast<int>(PluginOrigin::BuiltIn));
    BOOST_TEST(static_cast<int>(result[2].origin) == static_cast<int>(PluginOrigin::System));
    BOOST_TEST(static_cast<int>(result[4].origin) == static_cast<int>(PluginOrigin::User));
    BOOST_TEST(static_cast<int>(result[5].origin) == static_cast<int>(PluginOrigin::CommandLine));
}

BOOST_AUTO_TEST_CASE(defaults_follow_the_xdg_spec)
{
    ScopedEnv dirs("XDG_DATA_DIRS", nullptr);
    ScopedEnv dataHome("XDG_DATA_HOME", nullptr);
    ScopedEnv home("HOME", "/home/pt");
    PluginDirOptions options;
    options.builtIn = false;
    BOOST_TEST((paths(pluginDirs(options)) == std::vector<std::string>{"/usr/local/share/stretchplan/plugins",
                                                                       "/usr/share/stretchplan/plugins",
                                                                       "/home/pt/.local/share/stretchplan/plugins"}));
}

BOOST_AUTO_TEST_CASE(no_builtin_leaves_out_only_the_built_in_folder_and_duplicates_are_dropped)
{
    ScopedEnv dirs("XDG_DATA_DIRS", "/opt/a");
    ScopedEnv home("XDG_DATA_HOME", "/home/pt/.data");
    PluginDirOptions options;
    options.builtIn = false;
    options.extraDirs = {"/opt/a/stretchplan/plugins", "/x"};
    BOOST_TEST((paths(pluginDirs(options)) == std::vector<std::string>{"/opt/a/stretchplan/plugins",
                                                                       "/home/pt/.data/stretchplan/plugins", "/x"}));
}

BOOST_AUTO_TEST_SUITE_END()
