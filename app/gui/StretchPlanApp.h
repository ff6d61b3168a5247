// The application object: parses the command line (--db, --plugins-dir, as the CLI has
// them), opens the workspace with a progress dialog, shows the main window and, on the
// first run, offers the demo patient.
#pragma once

#include "editor/Workspace.h"

#include <wx/app.h>

#include <memory>

namespace sp::gui {

class MainFrame;
class StartupProbe;

class StretchPlanApp : public wxApp {
public:
    bool OnInit() override;
    int OnRun() override;
    int OnExit() override;
    void OnInitCmdLine(wxCmdLineParser& parser) override;
    bool OnCmdLineParsed(wxCmdLineParser& parser) override;
    bool OnExceptionInMainLoop() override;
    int FilterEvent(wxEvent& event) override;

private:
    bool openWorkspace();

    WorkspaceOptions m_options;
    bool m_versionOnly = false;
    std::unique_ptr<Workspace> m_workspace;
    MainFrame* m_frame = nullptr;
    StartupProbe* m_probe = nullptr; // the start-up benchmark's hook, when asked for
};

// Warnings about packs and templates that failed to load, one line each; empty if none.
wxString loadWarnings(const Workspace& workspace);

} // namespace sp::gui
