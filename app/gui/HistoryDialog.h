// A plan's revisions, newest first: who made each, when and why, and what changed from
// the revision before (exercises added and removed, dosage and note changes, goals, order).
#pragma once

#include "core/Plan.h"
#include "db/ClinicStore.h"

#include <wx/dialog.h>

#include <vector>

class wxHtmlWindow;
class wxListCtrl;

namespace sp::gui {

class HistoryDialog : public wxDialog {
public:
    HistoryDialog(wxWindow* parent, db::ClinicStore& store, const Plan& plan);
    // Shows what revision `number` changed.
    void showRevision(int number);
    wxString diffText() const;

private:
    db::ClinicStore& m_store;
    Plan m_plan;
    std::vector<PlanRevision> m_history; // oldest first, without items
    wxListCtrl* m_list;
    wxHtmlWindow* m_diff;
};

// The change from `from` to `to` as HTML (`from` null: the first revision; `to` with
// number 0: a draft not saved yet).
wxString revisionDiffHtml(const PlanRevision* from, const PlanRevision& to);

} // namespace sp::gui
