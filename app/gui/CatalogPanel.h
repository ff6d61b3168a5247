// The catalog browser: search as you type, filters for type, direction, position and
// pack, a list of exercises with their figure, and a details pane with the whole
// exercise. Exercises go into the plan by double-click, the Add button or drag-and-drop.
#pragma once

#include "core/Catalog.h"
#include "gui/FigureArt.h"

#include <wx/panel.h>

#include <functional>
#include <string>
#include <vector>

class wxButton;
class wxChoice;
class wxHtmlWindow;
class wxListCtrl;
class wxListEvent;
class wxSearchCtrl;
class wxSplitterWindow;

namespace sp::gui {

// What a drag from the catalog or the plan list carries, as text.
inline constexpr const char* kDragExercisePrefix = "stretchplan-exercise:";
inline constexpr const char* kDragPlanItemPrefix = "stretchplan-plan-item:";

class CatalogPanel : public wxPanel {
public:
    CatalogPanel(wxWindow* parent, const Catalog& catalog);

    void setSearch(const wxString& text); // as if typed
    void setFilter(const ExerciseFilter& filter);
    void focusSearch();
    // After the catalog was loaded again: the pack filter, the thumbnails and the list
    // are rebuilt; the search text and the filters stay.
    void reload();
    // The exercises listed, in order.
    const std::vector<const Exercise*>& shown() const { return m_shown; }
    const Exercise* selected() const;
    void select(std::size_t row);
    wxSplitterWindow* splitter() { return m_split; }
    // Puts the details pane at the bottom once the panel has its size.
    void placeSash();

    // The clinician asked to add this exercise to the plan.
    std::function<void(const Exercise&)> onAdd;

private:
    void refilter();
    void fillPacks(const std::string& selectedId);
    void showDetails(const Exercise* exercise);
    void onBeginDrag(wxListEvent& event);

    const Catalog& m_catalog;
    wxSplitterWindow* m_split;
    wxSearchCtrl* m_search;
    wxChoice* m_type;
    wxChoice* m_direction;
    wxChoice* m_position;
    wxChoice* m_pack;
    wxListCtrl* m_list;
    wxButton* m_add;
    FigurePanel* m_figure;
    wxHtmlWindow* m_details;
    FigureThumbs m_thumbs;
    std::vector<const Exercise*> m_shown;
    std::vector<std::string> m_packIds; // of the pack filter's choices after "Any pack"
    std::string m_selectedId;           // the exercise in the details pane, kept across reloads
};

// The whole exercise as HTML for the details pane: aim, position, steps, cues, mistakes,
// precautions and the default dosage.
wxString exerciseHtml(const Exercise& exercise);

} // namespace sp::gui
