/* Ends the process from inside register_exercises. */
#include <stdio.h>
#include <stdlib.h>
#include <stretchplan/plugin.h>

static int registerExercises(const sp_host_api *api)
{
    (void)api;
    fprintf(stderr, "native-exit: giving up\n");
    exit(7);
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-exit", "Exits", "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
