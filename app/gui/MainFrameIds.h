// The main window's menu and command ids, shared by the files that make up MainFrame.
#pragma once

#include <wx/defs.h>

namespace sp::gui {

enum MenuId {
    kIdEditPatient = wxID_HIGHEST + 1,
    kIdScreening,
    kIdArchive,
    kIdFindPatient,
    kIdFindExercise,
    kIdNewPlan,
    kIdAddExercise,
    kIdAddSuggested,
    kIdMoveUp,
    kIdMoveDown,
    kIdRemove,
    kIdHistory,
    kIdClinic,
    kIdAddNote,
    kIdOpenDatabase,
    kIdSwitchUser,
    kIdLock,
};

} // namespace sp::gui
