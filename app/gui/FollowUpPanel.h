// The Follow-ups tab: the selected patient's notes, newest visit first, with Add note…,
// Edit note… (double-click too) and Versions… of an amended note, and below them the pain trend and adherence charts.
#pragma once

#include "core/FollowUpNote.h"
#include "core/ProgressSeries.h"
#include "editor/Workspace.h"

#include <wx/panel.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

class wxButton;
class wxListCtrl;
class wxStaticText;

namespace sp::gui {

class AdherenceChart;
class PainChart;

// One line of the PSFS column: "Putting on socks 6, Driving 4".
wxString psfsSummary(const std::vector<PsfsScore>& scores);
// "10/14 (71%)", or empty when not recorded.
wxString adherenceText(const FollowUpNote& note);

class FollowUpPanel : public wxPanel {
public:
    FollowUpPanel(wxWindow* parent, Workspace& workspace);

    // Reads the patient's notes and plan histories again (0: no patient).
    void showPatient(std::int64_t patientId);
    std::int64_t patientId() const { return m_patientId; }
    const std::vector<FollowUpNote>& notes() const { return m_notes; } // as listed, newest first
    const ProgressSeries& series() const { return m_series; }

    std::optional<std::int64_t> selectedNoteId() const;
    void selectNote(std::int64_t noteId);
    wxString cellText(std::size_t row, int column) const;

    // As the buttons and a double-click do.
    void addNote();
    void editSelected();
    void showVersionsOfSelected();
    bool canShowVersions() const; // the selected note was amended

    wxListCtrl* list() const { return m_list; }
    PainChart& painChart() { return *m_pain; }
    AdherenceChart& adherenceChart() { return *m_adherence; }

    std::function<void()> onAdd;
    std::function<void(std::int64_t noteId)> onEdit;
    std::function<void(std::int64_t noteId)> onVersions;

private:
    void fill();
    void updateButtons();

    Workspace& m_workspace;
    std::int64_t m_patientId = 0;
    std::vector<FollowUpNote> m_notes;
    ProgressSeries m_series;
    wxStaticText* m_summary;
    wxButton* m_add;
    wxButton* m_edit;
    wxButton* m_versions;
    wxListCtrl* m_list;
    PainChart* m_pain;
    AdherenceChart* m_adherence;
};

} // namespace sp::gui
