// The clinic's own exercises (the clinic pack the editor writes): the list, and New,
// Edit, Duplicate from the catalog and Remove. Every change reloads the catalog, so the
// exercise can go into a plan at once.
#pragma once

#include "editor/Workspace.h"
#include "gui/ToolPrompts.h"
#include "pluginhost/ClinicPack.h"

#include <wx/dialog.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace sp::gui {

class ClinicExercisesDialog : public wxDialog {
public:
    // `changed` is called after each change of the pack (the main window reloads then).
    ClinicExercisesDialog(wxWindow* parent, Workspace& workspace, ClinicPack pack, ToolPrompts& prompts,
                          std::function<void()> changed);

    // The pack's exercises as listed, in file order.
    const std::vector<Exercise>& exercises() const { return m_exercises; }
    void refresh();

    // A new exercise to start from a catalog exercise: its content, a free id in the
    // clinic pack, its photos to be copied in from `folder` (its pack's).
    struct Duplicate {
        Exercise exercise;
        std::filesystem::path folder;
    };
    Duplicate duplicateOf(const Exercise& source) const;

    // Removes the exercise after the clinician confirms; false when refused or cancelled.
    bool remove(const std::string& id);

private:
    void openEditor(const std::optional<Exercise>& start, bool isNew, const std::filesystem::path& folder);
    void onDuplicate();
    const Exercise* selected() const;
    void updateButtons();

    Workspace& m_workspace;
    ClinicPack m_pack;
    ToolPrompts& m_prompts;
    std::function<void()> m_changed;
    std::vector<Exercise> m_exercises;
    wxListCtrl* m_list;
    wxStaticText* m_state;
    wxButton* m_edit;
    wxButton* m_remove;
};

} // namespace sp::gui
