/* Registers the same exercise id twice. */
#include "good_exercise.h"
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    api->add_exercise(api->host, SP_TEST_EXERCISE("twice"));
    api->add_exercise(api->host, SP_TEST_EXERCISE("twice"));
    return SP_OK;
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-duplicate-exercise", "Duplicate exercise",
                                     "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
