#include "gui/MainFrame.h"
#include "gui/MainFrameIds.h"

#include "gui/AppSettings.h"
#include "gui/BackgroundJobs.h"
#include "gui/CatalogPanel.h"
#include "gui/DosageEditor.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/ErrorDialog.h"
#include "gui/FollowUpPanel.h"
#include "gui/GuidancePanel.h"
#include "gui/HandoutPanel.h"
#include "gui/IdleWatch.h"
#include "gui/PatientHeader.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanPanel.h"
#include "gui/WxText.h"

#include <wx/artprov.h>
#include <wx/infobar.h>
#include <wx/intl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/persist.h>
#include <wx/persist/bookctrl.h>
#include <wx/persist/splitter.h>
#include <wx/persist/toplevel.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/statusbr.h>

namespace sp::gui {
namespace {

wxSplitterWindow* makeSplitter(wxWindow* parent, const char* name)
{
    auto* s = new wxSplitterWindow(parent, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    s->SetName(name);
    s->SetMinimumPaneSize(parent->FromDIP(120));
    return s;
}

} // namespace

MainFrame::MainFrame(Workspace& workspace)
    : wxFrame(nullptr, wxID_ANY, _("StretchPlan"), wxDefaultPosition, wxDefaultSize, wxDEFAULT_FRAME_STYLE,
              "MainFrame"),
      m_workspace(workspace)
{
    SetIcon(wxArtProvider::GetIcon(wxART_EXECUTABLE_FILE, wxART_FRAME_ICON));
    buildMenus();
    buildLayout();
    bindEvents();
    CreateStatusBar(3);
    const int widths[] = {-1, FromDIP(300), FromDIP(260)};
    SetStatusWidths(3, widths);
    SetSize(FromDIP(wxSize(1280, 800)));
    SetMinSize(FromDIP(wxSize(900, 600)));
    placeSashes();
    m_editor.setListener([this] { onPlanChanged(); });
    m_feedTimer.SetOwner(this);
    Bind(wxEVT_TIMER, [this](wxTimerEvent&) { pollChanges(); }, m_feedTimer.GetId());
    bindLock();
    m_patients->reload();
    m_due->reload(localToday());
    onPlanChanged();
    restoreState();
    applyRole();
    refreshStatus();
    watchChanges();
}

MainFrame::~MainFrame()
{
    m_feedTimer.Stop();
    m_idleTimer.Stop();
    m_feed.reset();
    m_checks.reset(); // waits for a check still running; it reports to nobody
    m_editor.setListener({});
}

void MainFrame::buildMenus()
{
    auto* file = new wxMenu;
    file->Append(wxID_NEW, _("&New patient…\tCtrl+N"));
    file->Append(wxID_SAVE, _("&Save revision…\tCtrl+S"), _("Store the plan as its next revision"));
    file->AppendSeparator();
    file->Append(kIdOpenDatabase, _("&Open clinic database…"),
                 _("A database file on this computer, or the clinic's server"));
    file->Append(kIdSwitchUser, _("S&witch user…"), _("Sign out, and let the next person sign in"));
    file->Append(kIdLock, _("&Lock\tCtrl+L"), _("Hide everything until your password is typed again"));
    file->Append(kIdClinic, _("&Clinic profile and branding…"));
    file->Append(wxID_PREFERENCES, _("P&references…"));
    file->AppendSeparator();
    file->Append(wxID_EXIT, _("&Quit\tCtrl+Q"));

    auto* edit = new wxMenu;
    edit->Append(wxID_UNDO, _("&Undo plan change\tCtrl+Z"));
    edit->Append(wxID_REDO, _("&Redo plan change\tCtrl+Y"));
    edit->AppendSeparator();
    edit->Append(kIdFindPatient, _("&Find patient\tCtrl+F"));
    edit->Append(kIdFindExercise, _("Find &exercise\tCtrl+E"));

    auto* patient = new wxMenu;
    patient->Append(kIdEditPatient, _("&Edit details…"));
    patient->Append(kIdScreening, _("Red-flag &screening…"));
    patient->Append(kIdArchive, _("&Archive or unarchive"));
    patient->AppendSeparator();
    patient->Append(kIdAddNote, _("Add &follow-up note…\tCtrl+Shift+N"));

    auto* plan = new wxMenu;
    plan->Append(kIdNewPlan, _("&New plan…"));
    plan->Append(kIdAddExercise, _("&Add selected exercise\tCtrl+Enter"));
    plan->Append(kIdAddSuggested, _("Add su&ggested exercise\tCtrl+G"));
    plan->AppendSeparator();
    plan->Append(kIdMoveUp, _("Move &up\tAlt+Up"));
    plan->Append(kIdMoveDown, _("Move &down\tAlt+Down"));
    plan->Append(kIdRemove, _("&Remove exercise"));
    plan->AppendSeparator();
    plan->Append(kIdHistory, _("Revision &history…"));

    auto* help = new wxMenu;
    help->Append(wxID_ABOUT, _("&About StretchPlan"));

    auto* bar = new wxMenuBar;
    bar->Append(file, _("&File"));
    bar->Append(edit, _("&Edit"));
    bar->Append(patient, _("&Patient"));
    bar->Append(plan, _("P&lan"));
    bar->Append(makeHandoutMenu(), _("&Handout"));
    bar->Append(buildToolsMenu(), _("&Tools"));
    bar->Append(help, _("&Help"));
    SetMenuBar(bar);
}

void MainFrame::buildLayout()
{
    // patients | (header over tabs; the Plan tab: catalog | ((plan | dosage) over guidance))
    m_mainSplit = makeSplitter(this, "MainSplitter");
    m_leftSplit = makeSplitter(m_mainSplit, "LeftSplitter");
    m_patients = new PatientListPanel(m_leftSplit, m_workspace);
    m_due = new DueFollowUpsPanel(m_leftSplit, m_workspace);
    auto* right = new wxPanel(m_mainSplit, wxID_ANY);
    m_header = new PatientHeader(right);
    m_tabs = new wxNotebook(right, wxID_ANY);
    m_tabs->SetName("MainTabs");
    // Otherwise the tabs ask for the best size of their largest page, and the window would
    // grow to it at every start.
    m_tabs->SetMinSize(FromDIP(wxSize(400, 300)));
    m_workSplit = makeSplitter(m_tabs, "WorkSplitter");
    m_catalog = new CatalogPanel(m_workSplit, m_workspace.catalog());
    m_planSplit = makeSplitter(m_workSplit, "PlanSplitter");
    m_builderSplit = makeSplitter(m_planSplit, "BuilderSplitter");
    m_plan = new PlanPanel(m_builderSplit, m_editor);
    auto* dosagePane = new wxPanel(m_builderSplit, wxID_ANY);
    m_dosage = new DosageEditor(dosagePane);
    auto* dosageSizer = new wxBoxSizer(wxVERTICAL);
    dosageSizer->Add(m_dosage, 1, wxEXPAND | wxALL, FromDIP(6));
    dosagePane->SetSizer(dosageSizer);
    m_guidance = new GuidancePanel(m_planSplit);

    m_builderSplit->SplitVertically(m_plan, dosagePane);
    m_planSplit->SplitHorizontally(m_builderSplit, m_guidance);
    m_workSplit->SplitVertically(m_catalog, m_planSplit);
    m_leftSplit->SplitHorizontally(m_patients, m_due);
    m_mainSplit->SplitVertically(m_leftSplit, right);
    m_tabs->AddPage(m_workSplit, _("Plan"), true);
    m_handout = new HandoutPanel(m_tabs, m_workspace);
    m_tabs->AddPage(m_handout, _("Handout"));
    m_followUps = new FollowUpPanel(m_tabs, m_workspace);
    m_tabs->AddPage(m_followUps, _("Follow-ups"));

    m_roleNote = new wxStaticText(right, wxID_ANY,
                                  _("Your role (reception) covers patients' contact details and the follow-ups due. "
                                    "Plans, notes and handouts are for the clinicians."),
                                  wxDefaultPosition, wxDefaultSize, 0, "RoleNote");
    m_roleNote->Hide();
    auto* rightSizer = new wxBoxSizer(wxVERTICAL);
    rightSizer->Add(m_header, 0, wxEXPAND);
    rightSizer->Add(m_roleNote, 0, wxEXPAND | wxALL, FromDIP(12));
    rightSizer->Add(m_tabs, 1, wxEXPAND);
    right->SetSizer(rightSizer);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    m_banner = new wxInfoBar(this);
    m_banner->SetName("DatabaseBanner");
    sizer->Add(m_banner, 0, wxEXPAND);
    m_staleBanner = new wxInfoBar(this);
    m_staleBanner->SetName("StaleDraftBanner");
    m_staleBanner->AddButton(wxID_FIND, _("Review"));
    m_staleBanner->Bind(wxEVT_BUTTON, [this](wxCommandEvent&) { reviewStaleDraft(); }, wxID_FIND);
    sizer->Add(m_staleBanner, 0, wxEXPAND);
    sizer->Add(m_mainSplit, 1, wxEXPAND);
    SetSizer(sizer);
}

void MainFrame::placeSashes()
{
    // Set once the window has its size, so that nothing is clamped against a tiny
    // default; the gravities then decide who grows: the patient list and the catalog
    // keep their width, the plan takes the rest, the guidance and the dosage column
    // keep their size.
    Layout();
    m_mainSplit->SetSashPosition(FromDIP(240));
    m_leftSplit->SetSashPosition(m_leftSplit->GetClientSize().y - FromDIP(230));
    m_workSplit->SetSashPosition(FromDIP(360));
    m_planSplit->SetSashPosition(m_planSplit->GetClientSize().y - FromDIP(200));
    m_builderSplit->SetSashPosition(m_builderSplit->GetClientSize().x - FromDIP(250));
    m_catalog->placeSash();
    m_mainSplit->SetSashGravity(0.0);
    m_leftSplit->SetSashGravity(1.0);
    m_workSplit->SetSashGravity(0.0);
    m_planSplit->SetSashGravity(1.0);
    m_builderSplit->SetSashGravity(1.0);
}

void MainFrame::bindEvents()
{
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onNewPatient(); }, wxID_NEW);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onSave(); }, wxID_SAVE);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onClinic(); }, kIdClinic);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onOpenDatabase(); }, kIdOpenDatabase);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { switchUser(); }, kIdSwitchUser);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onPreferences(); }, wxID_PREFERENCES);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { Close(); }, wxID_EXIT);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { undo(); }, wxID_UNDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { redo(); }, wxID_REDO);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_patients->focusSearch(); }, kIdFindPatient);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_catalog->focusSearch(); }, kIdFindExercise);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onEditPatient(); }, kIdEditPatient);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onScreening(); }, kIdScreening);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (m_patient)
            setArchived(m_patient->id, !m_patient->archived);
    }, kIdArchive);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onNewPlan(); }, kIdNewPlan);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) {
        if (const Exercise* e = m_catalog->selected())
            addExercise(e->qualifiedId());
    }, kIdAddExercise);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { addSuggestedExercise(); }, kIdAddSuggested);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_plan->moveSelected(-1); }, kIdMoveUp);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_plan->moveSelected(1); }, kIdMoveDown);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { m_plan->removeSelected(); }, kIdRemove);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onHistory(); }, kIdHistory);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { openNoteDialog(); }, kIdAddNote);
    Bind(wxEVT_MENU, [this](wxCommandEvent&) { onAbout(); }, wxID_ABOUT);
    Bind(wxEVT_CLOSE_WINDOW, &MainFrame::onClose, this);

    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_editor.canUndo()); }, wxID_UNDO);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_editor.canRedo()); }, wxID_REDO);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_editor.isOpen() && m_patientId != 0); }, wxID_SAVE);
    for (int id : {kIdEditPatient, kIdScreening, kIdArchive, kIdNewPlan, kIdAddNote})
        Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_patientId != 0); }, id);
    for (int id : {kIdAddExercise, kIdAddSuggested})
        Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_editor.isOpen()); }, id);
    Bind(wxEVT_UPDATE_UI, [this](wxUpdateUIEvent& e) { e.Enable(m_editor.isOpen() && !m_editor.isNew()); }, kIdHistory);

    m_patients->onSelect = [this](std::int64_t id) { selectPatient(id); };
    m_patients->onNewPatient = [this] { onNewPatient(); };
    m_patients->onArchive = [this](std::int64_t id, bool archive) { setArchived(id, archive); };
    m_header->onScreening = [this] { onScreening(); };
    m_header->onEdit = [this] { onEditPatient(); };
    m_catalog->onAdd = [this](const Exercise& e) { addExercise(e.qualifiedId()); };
    m_plan->onSelectionChanged = [this] {
        const auto index = m_plan->selectedIndex();
        m_dosage->show(index ? &m_editor.draft().items[*index] : nullptr);
    };
    m_plan->onPlanChosen = [this](std::int64_t planId) {
        if (planId != m_editor.planId() && !openPlan(planId))
            m_plan->setPlans(m_workspace.store().plans().listForPatient(m_patientId), m_editor.planId());
    };
    m_plan->onNewPlan = [this] { onNewPlan(); };
    m_plan->onHistory = [this] { onHistory(); };
    m_plan->onDropExercise = [this](const std::string& id, std::size_t at) { addExercise(id, at); };
    m_dosage->onDosage = [this](const Dosage& d) {
        if (const auto index = m_plan->selectedIndex())
            m_editor.setDosage(*index, d);
    };
    m_dosage->onNote = [this](const std::string& note) {
        if (const auto index = m_plan->selectedIndex())
            m_editor.setNote(*index, note);
    };
    m_guidance->onAddSuggestion = [this](const std::string& id) { addExercise(id); };
    bindToolEvents();
    bindFollowUps();
}

void MainFrame::restoreState()
{
    // Geometry and splitters through wxPersistenceManager (into wxConfig); a saved size
    // that no longer fits a smaller screen is clamped by the window manager.
    wxPersistenceManager::Get().RegisterAndRestore(this);
    for (wxSplitterWindow* s : {m_mainSplit, m_leftSplit, m_workSplit, m_planSplit, m_builderSplit, m_catalog->splitter()})
        wxPersistenceManager::Get().RegisterAndRestore(s);
    wxPersistenceManager::Get().RegisterAndRestore(m_tabs); // the tab last shown
    // The last patient of this database: an id of another database is another person.
    const long last = readConfig(cfg::kLastPatientDatabase, wxString()) == wxs(m_workspace.displayDatabase())
                          ? readConfig(cfg::kLastPatient, 0L)
                          : 0L;
    if (last > 0) {
        try {
            m_workspace.store().patients().get(last);
            selectPatient(last);
        } catch (const std::exception&) {
            // The last patient was purged or the database changed: start without one.
        }
    }
}

void MainFrame::saveState()
{
    writeConfig(cfg::kLastPatient, static_cast<long>(m_patientId));
    writeConfig(cfg::kLastPatientDatabase, wxs(m_workspace.displayDatabase()));
}

void MainFrame::onPlanChanged()
{
    if (m_refreshing)
        return;
    m_refreshing = true;
    m_plan->refresh(estimateSession(m_editor.revision(), m_workspace.thresholds()));
    const auto index = m_plan->selectedIndex();
    m_dosage->show(index && *index < m_editor.draft().items.size() ? &m_editor.draft().items[*index] : nullptr);
    refreshGuidance();
    refreshStatus();
    refreshHandout();
    m_refreshing = false;
}

void MainFrame::refreshGuidance()
{
    if (!m_patient || !m_editor.isOpen()) {
        m_guidance->clear(_("Select a patient to see guidance."));
        return;
    }
    std::vector<std::string> inPlan;
    for (const PlanItem& item : m_editor.draft().items)
        inPlan.push_back(item.exerciseId);
    try {
        m_guidance->show(m_workspace.check(m_editor, m_patientId, localToday()), m_workspace.catalog(), inPlan);
    } catch (const std::exception& e) {
        m_guidance->clear(_("The guidance could not be checked: ") + describeException(e));
    }
}

void MainFrame::refreshStatus()
{
    wxString title = _("StretchPlan");
    if (m_locked) {
        SetTitle(_("StretchPlan (locked)")); // no patient's name while locked
        return;
    }
    if (m_patient) {
        title = wxs(m_patient->name) + " – " + title;
        if (m_editor.isOpen())
            title = (m_editor.isDirty() ? "*" : "") + wxs(m_editor.draft().title) + " – " + title;
    }
    SetTitle(title);
    if (GetStatusBar()) {
        SetStatusText(dueSummaryText(m_due->summary()), 1); // the dashboard's own words, so the two agree
        SetStatusText(signedInLabel(m_workspace), 2);
    }
}

} // namespace sp::gui
