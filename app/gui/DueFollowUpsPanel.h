// The start-of-day dashboard under the patient list: follow-ups overdue, due today and
// due in the rest of the week (today and the six days after it), across every patient not
// archived, grouped under headings; a click or Enter on a patient opens them.
#pragma once

#include "core/Date.h"
#include "db/ClinicStore.h"
#include "editor/Workspace.h"

#include <wx/panel.h>
#include <wx/string.h>

#include <cstdint>
#include <functional>
#include <vector>

class wxListCtrl;
class wxListEvent;
class wxStaticText;

namespace sp::gui {

inline constexpr int kDueWeekDays = 7; // "this week": today and the six days after it

struct DueSummary {
    std::vector<db::FollowUpDue> overdue, today, thisWeek; // each earliest first
    std::size_t total() const { return overdue.size() + today.size() + thisWeek.size(); }
    std::size_t dueNow() const { return overdue.size() + today.size(); }
};

// Sorts the due list (from NoteRepository::due(today + 6 days)) into its groups.
DueSummary summarizeDue(const std::vector<db::FollowUpDue>& due, const Date& today);
// One line for the status bar and the dashboard: "2 overdue, 1 today, 3 later this week".
wxString dueSummaryText(const DueSummary& summary);

class DueFollowUpsPanel : public wxPanel {
public:
    DueFollowUpsPanel(wxWindow* parent, Workspace& workspace);

    // Queries the database again, as of `today`.
    void reload(const Date& today);
    const DueSummary& summary() const { return m_summary; }
    // The patient of each row shown (0 for a group heading), in order.
    const std::vector<std::int64_t>& rowPatients() const { return m_rows; }
    wxString rowText(std::size_t row, int column) const;
    wxListCtrl* list() const { return m_list; }

    std::function<void(std::int64_t)> onOpen;

private:
    void addHeading(const wxString& text);
    void addRow(const db::FollowUpDue& due, const wxString& when, const wxColour& colour);
    void onActivated(std::size_t row);
    void fitColumns();

    Workspace& m_workspace;
    wxStaticText* m_title;
    wxListCtrl* m_list;
    DueSummary m_summary;
    std::vector<std::int64_t> m_rows;
    bool m_quiet = false;
};

} // namespace sp::gui
