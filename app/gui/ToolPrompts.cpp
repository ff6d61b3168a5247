#include "gui/ToolPrompts.h"

#include "gui/ErrorDialog.h"
#include "gui/WxText.h"

#include <wx/dirdlg.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/utils.h>

namespace sp::gui {

ToolPrompts defaultToolPrompts()
{
    ToolPrompts p;
    p.chooseFolder = [](wxWindow* parent, const wxString& message) -> std::optional<std::filesystem::path> {
        wxDirDialog dialog(parent, message, wxEmptyString, wxDD_DEFAULT_STYLE | wxDD_DIR_MUST_EXIST);
        if (dialog.ShowModal() != wxID_OK)
            return std::nullopt;
        return std::filesystem::path(u8(dialog.GetPath()));
    };
    p.confirm = [](wxWindow* parent, const wxString& title, const wxString& message) {
        wxMessageDialog ask(parent, message, title, wxYES_NO | wxNO_DEFAULT | wxICON_QUESTION);
        return ask.ShowModal() == wxID_YES;
    };
    p.report = [](wxWindow* parent, const wxString& doing, const wxString& why) { showError(parent, doing, why); };
    p.openFolder = [](const std::filesystem::path& folder, wxString& error) {
        std::error_code ec;
        if (!std::filesystem::is_directory(folder, ec)) {
            error = wxString::Format(_("The folder %s does not exist."), wxs(folder.string()));
            return false;
        }
        if (!wxLaunchDefaultApplication(wxs(folder.string()))) {
            error = wxString::Format(_("No file manager could open %s."), wxs(folder.string()));
            return false;
        }
        return true;
    };
    return p;
}

bool guardedBy(const ToolPrompts& prompts, wxWindow* parent, const wxString& doing,
               const std::function<void()>& action)
{
    try {
        action();
        return true;
    } catch (const std::exception& e) {
        prompts.report(parent, doing, describeException(e));
    } catch (...) {
        prompts.report(parent, doing, _("An unexpected error happened."));
    }
    return false;
}

} // namespace sp::gui
