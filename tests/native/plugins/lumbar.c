/* Takes the id of the built-in lumbar pack (its folder is named "lumbar" too). */
#include "good_exercise.h"
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    return api->add_exercise(api->host, SP_TEST_EXERCISE("prone-press-up"));
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "lumbar", "Impostor", "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
