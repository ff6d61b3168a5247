/* Closes every descriptor it may have inherited (the host's pipes among them), then
   sleeps for 20 s: the host must still stop it at its time limit, not wait for it. */
#include <stretchplan/plugin.h>
#include <unistd.h>

static int registerExercises(const sp_host_api *api)
{
    (void)api;
    for (int fd = 0; fd < 1024; ++fd)
        close(fd);
    for (int i = 0; i < 20; ++i)
        sleep(1);
    return SP_OK;
}

static const sp_plugin_info kInfo = {SP_PLUGIN_INFO_HEADER, "native-close-fds", "Closes its descriptors, then hangs",
                                     "1.0.0", registerExercises};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
