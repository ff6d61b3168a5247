// The patient list: search as you type, a filter for follow-ups due or overdue, archived
// patients on request, and the follow-up date of each patient.
#pragma once

#include "core/Date.h"
#include "core/Patient.h"
#include "editor/Workspace.h"

#include <wx/checkbox.h>
#include <wx/listctrl.h>
#include <wx/panel.h>
#include <wx/srchctrl.h>

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

class wxButton;

namespace sp::gui {

class PatientListPanel : public wxPanel {
public:
    PatientListPanel(wxWindow* parent, Workspace& workspace);

    // Queries the database again and shows `selectId` selected (0: keep the selection).
    void reload(std::int64_t selectId = 0);
    std::int64_t selectedId() const;
    // Selects without asking anyone (the frame already decided to show this patient).
    void showSelected(std::int64_t id);

    void setSearch(const wxString& text); // as if typed
    void setDueOnly(bool dueOnly);
    void focusSearch();
    std::vector<std::int64_t> shownIds() const { return m_ids; }
    // Follow-ups due today or earlier, of patients not archived.
    std::size_t dueCount() const { return m_dueCount; }

    // The clinician picked another patient; the frame decides (unsaved work may keep the
    // current one, which it then shows selected again).
    std::function<void(std::int64_t)> onSelect;
    std::function<void()> onNewPatient;
    std::function<void(std::int64_t, bool archive)> onArchive;

private:
    void fill();
    void updateButtons();
    void onItemSelected(wxListEvent& event);

    Workspace& m_workspace;
    wxSearchCtrl* m_search;
    wxCheckBox* m_dueOnly;
    wxCheckBox* m_showArchived;
    wxListCtrl* m_list;
    wxButton* m_archive;
    std::vector<Patient> m_patients;
    std::map<std::int64_t, Date> m_due;
    std::vector<std::int64_t> m_ids; // the rows shown, in order
    std::size_t m_dueCount = 0;
    bool m_quiet = false; // selecting from code: no onSelect
};

} // namespace sp::gui
