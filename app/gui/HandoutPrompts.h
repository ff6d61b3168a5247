// The questions the Handout tab asks (where to save, a reason to go past a blocker, the
// e-mail's text, the SMTP password) and the news it gives (a failure, a success), as
// replaceable functions: the app asks with dialogs, the tests answer without any modal
// window, as MainFrame::setUnsavedPrompt does for unsaved changes.
#pragma once

#include "core/Guidance.h"
#include "gui/HandoutMailDialog.h"

#include <wx/string.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class wxWindow;

namespace sp::gui {

struct HandoutPrompts {
    // The file to save the PDF to; nullopt when cancelled.
    std::function<std::optional<wxString>(const wxString& defaultName)> savePath;
    // A reason to go past the blockers for `action`; nullopt when cancelled.
    std::function<std::optional<std::string>(const wxString& action, const std::vector<Finding>& blockers)>
        overrideReason;
    // The e-mail as the clinician wants it sent; nullopt when cancelled.
    std::function<std::optional<MailAnswers>(const MailAnswers& proposed, const wxString& attachment,
                                             const wxString& sender)>
        mail;
    // The SMTP password for `account`, when no store holds it; nullopt when cancelled.
    std::function<std::optional<std::string>(const wxString& account)> password;
    // Something could not be done: what, and why.
    std::function<void(const wxString& doing, const wxString& why)> error;
    // Sending failed: why, and where the PDF is kept.
    std::function<void(const wxString& why, const wxString& keptPdf)> mailFailed;
    // Printing shows the print dialog first; false prints with the print data as set.
    bool printDialog = true;
};

// The dialogs, parented to `parent`.
HandoutPrompts dialogPrompts(wxWindow* parent);

} // namespace sp::gui
