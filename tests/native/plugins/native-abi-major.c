/* Declares a plugin ABI major this host does not speak. */
#include "good_exercise.h"
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    return api->add_exercise(api->host, SP_TEST_EXERCISE("never-registered"));
}

static const sp_plugin_info kInfo = {sizeof(sp_plugin_info), SP_PLUGIN_ABI_MAJOR + 1, 0, "native-abi-major",
                                     "Wrong ABI major", "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
