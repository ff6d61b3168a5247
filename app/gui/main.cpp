// stretchplan: the desktop app. Everything but the entry point lives in sp_gui.
#include "gui/StretchPlanApp.h"

wxIMPLEMENT_APP(sp::gui::StretchPlanApp);
