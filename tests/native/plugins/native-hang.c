/* Never returns from register_exercises. */
#include <stretchplan/plugin.h>
#include <unistd.h>

static int registerExercises(const sp_host_api *api)
{
    (void)api;
    for (;;)
        sleep(1);
    return SP_OK;
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-hang", "Hangs", "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
