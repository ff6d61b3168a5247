#include "gui/HandoutPrompts.h"

#include "gui/ErrorDialog.h"
#include "gui/OverrideDialog.h"
#include "gui/WxText.h"

#include <wx/filedlg.h>
#include <wx/filename.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/stdpaths.h>
#include <wx/textdlg.h>
#include <wx/utils.h>

namespace sp::gui {

HandoutPrompts dialogPrompts(wxWindow* parent)
{
    HandoutPrompts p;
    p.savePath = [parent](const wxString& defaultName) -> std::optional<wxString> {
        wxFileDialog ask(parent, _("Save the handout as PDF"), wxStandardPaths::Get().GetDocumentsDir(), defaultName,
                         _("PDF files (*.pdf)|*.pdf"), wxFD_SAVE | wxFD_OVERWRITE_PROMPT);
        if (ask.ShowModal() != wxID_OK)
            return std::nullopt;
        wxFileName name(ask.GetPath());
        if (name.GetExt().empty())
            name.SetExt("pdf");
        return name.GetFullPath();
    };
    p.overrideReason = [parent](const wxString& action,
                                const std::vector<Finding>& blockers) -> std::optional<std::string> {
        OverrideDialog ask(parent, action, blockers);
        if (ask.ShowModal() != wxID_OK || ask.reason().empty())
            return std::nullopt;
        return ask.reason();
    };
    p.mail = [parent](const MailAnswers& proposed, const wxString& attachment,
                      const wxString& sender) -> std::optional<MailAnswers> {
        HandoutMailDialog ask(parent, proposed, attachment, sender);
        if (ask.ShowModal() != wxID_OK)
            return std::nullopt;
        return ask.answers();
    };
    p.password = [parent](const wxString& account) -> std::optional<std::string> {
        wxPasswordEntryDialog ask(parent, wxString::Format(_("SMTP password for %s:"), account), _("E-mail"));
        if (ask.ShowModal() != wxID_OK)
            return std::nullopt;
        return u8(ask.GetValue());
    };
    p.error = [parent](const wxString& doing, const wxString& why) { showError(parent, doing, why); };
    p.mailFailed = [parent](const wxString& why, const wxString& keptPdf) {
        wxMessageDialog tell(parent,
                             why + "\n\n" + _("Nothing was sent. The handout is kept at:") + "\n" + keptPdf,
                             _("The e-mail was not sent"), wxYES_NO | wxICON_ERROR);
        tell.SetYesNoLabels(_("&Open its folder"), _("&Close"));
        if (tell.ShowModal() == wxID_YES)
            wxLaunchDefaultApplication(wxFileName(keptPdf).GetPath());
    };
    return p;
}

} // namespace sp::gui
