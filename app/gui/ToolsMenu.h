// The Tools menu's command ids, for the main window and for tests that choose its items.
#pragma once

#include <wx/defs.h>

namespace sp::gui {

// Far from MainFrame.cpp's ids, which other menus extend.
enum ToolsMenuId {
    kIdClinicExercises = wxID_HIGHEST + 200,
    kIdImportPack,
    kIdExportPack,
    kIdPlugins,
};

} // namespace sp::gui
