/* A good plugin, C++-free and quiet, that also prints to stdout (which goes to stderr). */
#include "good_exercise.h"
#include <stdio.h>
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    printf("hello from native-good\n");
    api->log(api->host, SP_LOG_INFO, "registering two");
    if (api->add_exercise(api->host, SP_TEST_EXERCISE("first")) != SP_OK)
        return SP_ERROR_FAILED;
    return api->add_exercise(api->host, SP_TEST_EXERCISE("second"));
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-good", "Good test plugin", "2.1.0",
                                     registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
