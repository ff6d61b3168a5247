#include "settings/XdgDirs.h"

#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(xdg_dirs)

BOOST_AUTO_TEST_CASE(absolute_xdg_variables_win)
{
    ::setenv("HOME", "/home/pt", 1);
    ::setenv("XDG_CONFIG_HOME", "/x/config", 1);
    ::setenv("XDG_DATA_HOME", "/x/data", 1);
    ::setenv("XDG_CACHE_HOME", "/x/cache", 1);
    BOOST_TEST(sp::userConfigDir() == fs::path("/x/config/stretchplan"));
    BOOST_TEST(sp::userDataDir() == fs::path("/x/data/stretchplan"));
    BOOST_TEST(sp::userCacheDir() == fs::path("/x/cache/stretchplan"));
}

BOOST_AUTO_TEST_CASE(relative_or_unset_variables_fall_back_to_home)
{
    ::setenv("HOME", "/home/pt", 1);
    ::setenv("XDG_CONFIG_HOME", "relative/config", 1); // invalid per the spec: ignored
    ::unsetenv("XDG_DATA_HOME");
    ::setenv("XDG_CACHE_HOME", "", 1);
    BOOST_TEST(sp::userConfigDir() == fs::path("/home/pt/.config/stretchplan"));
    BOOST_TEST(sp::userDataDir() == fs::path("/home/pt/.local/share/stretchplan"));
    BOOST_TEST(sp::userCacheDir() == fs::path("/home/pt/.cache/stretchplan"));
}

BOOST_AUTO_TEST_CASE(nothing_set_gives_empty)
{
    ::unsetenv("HOME");
    ::unsetenv("XDG_CONFIG_HOME");
    BOOST_TEST(sp::userConfigDir().empty());
}

BOOST_AUTO_TEST_SUITE_END()
