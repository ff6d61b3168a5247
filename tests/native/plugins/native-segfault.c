/* Crashes inside its entry point, before returning anything. */
#include <stretchplan/plugin.h>

const sp_plugin_info *stretchplan_plugin_entry(void)
{
    volatile int *nowhere = 0;
    *nowhere = 42;
    return 0;
}
