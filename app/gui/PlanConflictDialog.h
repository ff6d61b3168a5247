// Someone else saved the plan while this clinician was editing it. Nothing of the draft was
// saved and nothing of it is lost: the dialog says who saved which revision and when,
// shows what they changed and what the draft would change on top of it, and offers to
// save the draft as the next revision, or to keep editing it.
#pragma once

#include "core/Plan.h"

#include <wx/dialog.h>

class wxHtmlWindow;

namespace sp::gui {

class PlanConflictDialog : public wxDialog {
public:
    // `message`: the store's words (who saved which revision, when). `base`: the revision
    // the draft started from; `theirs`: the plan's latest; `draft`: the clinician's.
    PlanConflictDialog(wxWindow* parent, const wxString& message, const PlanRevision& base,
                       const PlanRevision& theirs, const PlanRevision& draft);

    // The two panes as text, for tests.
    wxString theirChangesText() const;
    wxString draftChangesText() const;

private:
    wxHtmlWindow* m_theirs;
    wxHtmlWindow* m_draft;
};

} // namespace sp::gui
