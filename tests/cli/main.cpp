#define BOOST_TEST_MODULE stretchplan_cli
#include <boost/test/unit_test.hpp>

#include <cstdlib>

namespace {

// StretchPlan's own variables from the shell running the tests must not reach the CLI
// under test; a test that needs one sets it itself (runCli passes the environment on).
struct CleanEnvironment {
    CleanEnvironment()
    {
        for (const char* name : {"SP_SETTINGS_FILE", "SP_PLUGIN_RUNNER", "SP_SMTP_PASSWORD"})
            ::unsetenv(name);
    }
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(CleanEnvironment);
