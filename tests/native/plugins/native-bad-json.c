/* Registers one good exercise and one that is not JSON. */
#include "good_exercise.h"
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    api->add_exercise(api->host, SP_TEST_EXERCISE("fine"));
    api->add_exercise(api->host, "{\"id\": \"broken\", \"name\": ");
    return SP_OK;
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-bad-json", "Bad JSON", "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
