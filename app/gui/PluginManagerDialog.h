// Every exercise pack and native plugin of the last load: kind, version, status and
// why, where it lives, and every problem and log line in a details pane. The clinician
// enables or disables a plugin (a native plugin only after trusting its whole folder),
// opens its folder, or reloads (running native plugins again). Changes apply at once.
#pragma once

#include "editor/Workspace.h"
#include "gui/ToolPrompts.h"

#include <wx/dialog.h>

#include <functional>
#include <string>

class wxButton;
class wxListCtrl;
class wxStaticText;
class wxTextCtrl;

namespace sp::gui {

class PluginManagerDialog : public wxDialog {
public:
    // `reload(rerunNative)` reloads the catalog everywhere (the main window's reloadCatalog).
    PluginManagerDialog(wxWindow* parent, Workspace& workspace, ToolPrompts& prompts,
                        std::function<void(bool rerunNative)> reload);

    // Lists the workspace's last load again, keeping the selection.
    void refresh();
    std::size_t rowCount() const;
    // The plugin by id (or folder name); false when there is none.
    bool select(const std::string& id);
    const PackReport* selected() const;
    wxString rowText(std::size_t row, int column) const;
    wxString detailsText() const;
    // The last action's outcome, as the dialog shows it.
    wxString statusText() const;

    // The buttons' actions on the selected plugin. Enabling a native plugin asks the
    // clinician to trust its whole folder (paths and SHA-256s of the library and folder) first.
    bool setEnabled(bool enabled);
    bool openFolder();
    void reload();

private:
    void showDetails();
    void setStatus(const wxString& text);

    Workspace& m_workspace;
    ToolPrompts& m_prompts;
    std::function<void(bool)> m_reload;
    std::string m_selectedKey; // folder path of the selected plugin, kept across reloads
    wxListCtrl* m_list;
    wxTextCtrl* m_details;
    wxStaticText* m_status;
    wxStaticText* m_folderProblems;
    wxButton* m_enable;
    wxButton* m_disable;
    wxButton* m_open;
};

// The details of one plugin as the pane shows them: what it is, where, its status and
// why, its library and log for a native plugin, and each problem on one line.
wxString pluginDetails(const PackReport& report);

} // namespace sp::gui
