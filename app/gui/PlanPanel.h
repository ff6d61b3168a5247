// The plan being built: which of the patient's plans, its title and goals, the exercises
// in handout order (reordered with buttons or drag-and-drop, removed, dropped in from the
// catalog) and the session time estimate.
#pragma once

#include "core/Guidance.h"
#include "core/Plan.h"
#include "editor/PlanEditor.h"
#include "gui/FigureArt.h"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxListCtrl;
class wxListEvent;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class PlanPanel : public wxPanel {
public:
    PlanPanel(wxWindow* parent, PlanEditor& editor);

    // The patient's plans for the chooser; `current` is the one being edited (0: a new one).
    void setPlans(const std::vector<Plan>& plans, std::int64_t current);
    // Shows the editor's draft and the estimate.
    void refresh(const SessionEstimate& estimate);
    void commitText(); // title and goals typed but not yet taken by the editor

    std::optional<std::size_t> selectedIndex() const;
    void selectIndex(std::size_t index);
    void moveSelected(int delta);
    void removeSelected();
    wxString estimateText() const;

    std::function<void()> onSelectionChanged;
    std::function<void(std::int64_t)> onPlanChosen;
    std::function<void()> onNewPlan;
    std::function<void()> onHistory;
    std::function<void(const std::string&, std::size_t)> onDropExercise; // qualified id, position
    // Whether the catalog still has the exercise (after a pack was disabled or changed);
    // an item whose exercise is gone keeps its copy and is marked as missing.
    std::function<bool(const std::string&)> isInCatalog;
    // The fields in which an item's copy differs from the installed exercise of its id
    // (a plan imported from a file, or made before the pack changed); such an item is
    // marked, since the handout prints its copy and not the pack's text.
    std::function<std::vector<std::string>(const PlanItem&)> differsFromPack;
    // The exercise column's text of the item at `index`.
    wxString itemText(std::size_t index) const;

    // Where a drop at `y` (list coordinates) puts an item.
    std::size_t dropIndexAt(int y) const;

private:
    void updateButtons();
    void onBeginDrag(wxListEvent& event);

    PlanEditor& m_editor;
    std::vector<std::int64_t> m_planIds;
    wxChoice* m_plans;
    wxButton* m_newPlan;
    wxButton* m_history;
    wxTextCtrl* m_title;
    wxTextCtrl* m_goals;
    wxListCtrl* m_list;
    wxButton* m_up;
    wxButton* m_down;
    wxButton* m_remove;
    wxStaticText* m_estimate;
    FigureThumbs m_thumbs;
    bool m_updating = false;
};

} // namespace sp::gui
