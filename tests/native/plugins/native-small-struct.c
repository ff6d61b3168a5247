/* Declares ABI 1.0 but a struct_size too small to hold ABI 1.0's members. */
#include <stretchplan/plugin.h>

static const sp_plugin_info kInfo = {16, SP_PLUGIN_ABI_MAJOR, 0, "native-small-struct", "Small struct", "1.0.0", 0};

const sp_plugin_info *stretchplan_plugin_entry(void) { return &kInfo; }
