/* Registers well-formed JSON that breaks the exercise schema (an unknown type). */
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    return api->add_exercise(api->host, "{\"id\": \"odd\", \"name\": \"Odd\", \"type\": \"stretchy\"}");
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-bad-exercise", "Bad exercise", "1.0.0",
                                     registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
