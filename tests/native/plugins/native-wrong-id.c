/* Declares an id other than its folder name; also prints to stdout, which must not
   disturb the runner's report. */
#include "good_exercise.h"
#include <stdio.h>
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    printf("{\"not\": \"the report\"}\n");
    return api->add_exercise(api->host, SP_TEST_EXERCISE("fine"));
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "something-else", "Wrong id", "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
