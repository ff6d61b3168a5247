#include "gui/StretchPlanApp.h"

#include "db/OpenStore.h"
#include "gui/AppSettings.h"
#include "gui/DatabaseOpening.h"
#include "gui/ErrorDialog.h"
#include "gui/MainFrame.h"
#include "gui/StartupProbe.h"
#include "gui/WxText.h"

#include <wx/cmdline.h>
#include <wx/filefn.h>
#include <wx/image.h>
#include <wx/intl.h>
#include <wx/msgdlg.h>
#include <wx/progdlg.h>

#include <cstdio>

namespace sp::gui {

wxString loadWarnings(const Workspace& workspace)
{
    wxString out;
    for (const Problem& p : workspace.catalogLoad().folderProblems)
        out += wxs(p.format()) + "\n";
    for (const std::string& w : workspace.settingsWarnings())
        out += wxs(w) + "\n";
    for (const PackReport& pack : workspace.catalogLoad().packs)
        if (pack.status == PackStatus::Failed)
            out += wxString::Format(pack.kind == PluginKind::Native
                                        ? _("The native plugin %s in %s was not loaded (%zu problem(s)); run "
                                            "\"stretchplan-cli plugins list\" for details.")
                                        : _("The pack %s in %s was not loaded (%zu problem(s)); run \"stretchplan-cli "
                                            "plugins list\" for details."),
                                    wxs(pack.id.empty() ? pack.folder.filename().string() : pack.id),
                                    wxs(pack.folder.string()), pack.problems.size()) +
                   "\n";
    for (const Problem& p : workspace.templateProblems())
        out += wxs(p.format()) + "\n";
    return out;
}

void StretchPlanApp::OnInitCmdLine(wxCmdLineParser& parser)
{
    wxApp::OnInitCmdLine(parser);
    parser.AddOption("", "db", _("the clinic database: a file (created if missing) or a clinic server's "
                                 "postgresql:// URI or service=NAME (default: the one opened last, else "
                                 "$XDG_DATA_HOME/stretchplan/clinic.db)"));
    parser.AddOption("", "plugins-dir", _("also load the packs in this folder (repeatable)"), wxCMD_LINE_VAL_STRING,
                     wxCMD_LINE_PARAM_MULTIPLE);
    parser.AddSwitch("", "no-builtin", _("do not load the built-in packs"));
    parser.AddOption("", "user", _("who is working, for the audit log (default: the login name)"));
    parser.AddOption("", "guidance-settings", _("the guidance thresholds file"));
    parser.AddSwitch("", "version", _("print the version and exit"));
}

bool StretchPlanApp::OnCmdLineParsed(wxCmdLineParser& parser)
{
    if (!wxApp::OnCmdLineParsed(parser))
        return false;
    if (parser.Found("version")) {
        std::printf("stretchplan %s\n", SP_VERSION);
        m_versionOnly = true;
        return true;
    }
    wxString value;
    if (parser.Found("db", &value))
        m_options.database = u8(value);
    if (parser.Found("user", &value))
        m_options.user = u8(value);
    if (parser.Found("guidance-settings", &value))
        m_options.guidanceSettings = u8(value);
    m_options.noBuiltIn = parser.Found("no-builtin");
    for (const wxCmdLineArg& arg : parser.GetArguments())
        if (arg.GetKind() == wxCMD_LINE_OPTION && arg.GetLongName() == "plugins-dir") {
            if (!wxDirExists(arg.GetStrVal())) {
                wxMessageBox(wxString::Format(_("--plugins-dir: %s is not a folder"), arg.GetStrVal()),
                             _("StretchPlan"), wxOK | wxICON_ERROR);
                return false;
            }
            m_options.pluginDirs.emplace_back(u8(arg.GetStrVal()));
        }
    return true;
}

bool StretchPlanApp::OnInit()
{
    useUtf8Text();
    SetAppName("stretchplan");
    SetAppDisplayName(_("StretchPlan"));
    installConfig();
    wxInitAllImageHandlers();
    if (!wxApp::OnInit())
        return false;
    if (m_versionOnly)
        return true;
    if (!openWorkspace())
        return false;
    auto* frame = new MainFrame(*m_workspace);
    m_frame = frame;
    m_probe = StartupProbe::fromEnvironment();
    frame->Show();
    frame->checkDatabaseInBackground();
    if (const wxString warnings = loadWarnings(*m_workspace); !warnings.empty())
        wxMessageBox(warnings, _("Some exercise packs were not loaded"), wxOK | wxICON_WARNING, frame);
    frame->CallAfter([frame, created = m_workspace->createdDatabase()] { frame->welcome(created); });
    return true;
}

bool StretchPlanApp::openWorkspace()
{
    m_workspace = std::make_unique<Workspace>(m_options);
    // The database first: when it cannot be opened the clinician sees why and chooses
    // (Retry, Open a local database, Choose another) instead of the app failing to start.
    DatabaseChoice start{startLocation(m_options.database), m_options.password, false};
    const DatabasePrompts prompts = defaultDatabasePrompts();
    // A clinic server: each person signs in (unless the location or PGPASSWORD brings the password).
    if (db::isServerLocation(start.location) && start.password.empty() && !passwordAtHand(start.location)) {
        auto signedIn = prompts.signIn(nullptr, start.location, wxString(), false);
        if (!signedIn)
            return false;
        start = *signedIn;
    }
    if (!openDatabaseInteractively(nullptr, *m_workspace, start, m_options.database.empty(), true, prompts))
        return false;
    wxProgressDialog progress(_("Starting StretchPlan"), _("Loading the exercise packs…"), 2, nullptr,
                              wxPD_APP_MODAL | wxPD_AUTO_HIDE | wxPD_SMOOTH);
    return guarded(nullptr, _("StretchPlan cannot start"), [&] {
        m_workspace->loadCatalog();
        progress.Update(1, _("Loading plan templates and guidance settings…"));
        m_workspace->loadTemplatesAndThresholds();
        progress.Update(2);
    });
}

int StretchPlanApp::FilterEvent(wxEvent& event)
{
    if (m_probe)
        m_probe->onEvent(event, m_frame);
    return wxApp::FilterEvent(event);
}

int StretchPlanApp::OnRun()
{
    return m_versionOnly ? 0 : wxApp::OnRun();
}

int StretchPlanApp::OnExit()
{
    m_workspace.reset();
    return wxApp::OnExit();
}

bool StretchPlanApp::OnExceptionInMainLoop()
{
    // An exception that escaped a handler: report it and keep the app running, so that no
    // work is lost to a crash.
    try {
        throw;
    } catch (const std::exception& e) {
        showError(GetTopWindow(), _("Something went wrong"), describeException(e));
    } catch (...) {
        showError(GetTopWindow(), _("Something went wrong"), _("An unexpected error happened."));
    }
    return true;
}

} // namespace sp::gui
