// The plugin SDK as a plugin author finds it in a build tree: the pkg-config file written
// there must point at the SDK's headers.
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string commandOutput(const std::string& command)
{
    std::string out;
    if (FILE* pipe = ::popen(command.c_str(), "r")) {
        std::array<char, 512> buffer{};
        while (std::fgets(buffer.data(), buffer.size(), pipe))
            out += buffer.data();
        ::pclose(pipe);
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == ' '))
        out.pop_back();
    return out;
}

} // namespace

BOOST_AUTO_TEST_SUITE(plugin_sdk)

BOOST_AUTO_TEST_CASE(the_build_tree_pkg_config_file_finds_the_sdk_header)
{
    const std::string cflags =
        commandOutput("PKG_CONFIG_PATH='" SP_SDK_PC_DIR "' pkg-config --cflags stretchplan-plugin 2>&1");
    BOOST_TEST_REQUIRE(cflags.rfind("-I", 0) == 0u, cflags);
    const fs::path include = cflags.substr(2);
    BOOST_TEST(fs::is_regular_file(include / "stretchplan" / "plugin.h"), include.string());
}

BOOST_AUTO_TEST_SUITE_END()
