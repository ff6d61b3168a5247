// "The plan has a blocker": what stands in the way, in the guidance's own words, and the
// one way past it, a reason the clinician types (kept in the audit log). The dialog's
// Go-ahead button stays off until there is a reason.
#pragma once

#include "core/Guidance.h"

#include <wx/dialog.h>

#include <string>
#include <vector>

class wxButton;
class wxTextCtrl;

namespace sp::gui {

class OverrideDialog : public wxDialog {
public:
    // `action`: what would be done, e.g. "Save as PDF".
    OverrideDialog(wxWindow* parent, const wxString& action, const std::vector<Finding>& blockers);

    std::string reason() const;

private:
    wxTextCtrl* m_reason = nullptr;
    wxButton* m_ok = nullptr;
};

} // namespace sp::gui
