/* Exports a function, but not the entry point (a typo in its name). */
#include <stretchplan/plugin.h>

SP_PLUGIN_EXPORT const sp_plugin_info *stretchplan_plugin_entyr(void) { return 0; }
