// The main window: patients and the follow-ups due on the left; on the right the patient's
// header and the tabs: the catalog, the plan being built with its dosage editor and the
// live guidance; the follow-up notes with their charts. Its public methods
// are the actions the menus and buttons take, so that tests can drive the window the way
// a clinician does.
#pragma once

#include "core/Patient.h"
#include "editor/PlanEditor.h"
#include "editor/Workspace.h"
#include "gui/DatabaseOpening.h"
#include "gui/ToolPrompts.h"
#include "osauth/OsPassword.h"

#include <wx/frame.h>
#include <wx/timer.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

class wxInfoBar;
class wxMenu;
class wxNotebook;
class wxSplitterWindow;
class wxStaticText;

namespace sp::gui {

class BackgroundJobs;
class CatalogPanel;
class DosageEditor;
class DueFollowUpsPanel;
class FollowUpPanel;
class GuidancePanel;
class HandoutPanel;
class IdleWatch;
class LockScreen;
class NoteDialog;
class PatientHeader;
class PatientListPanel;
class PlanConflictDialog;
class PlanPanel;

// What to do with unsaved plan changes before leaving them.
enum class UnsavedChoice { Save = 1, Discard, Cancel };

class MainFrame : public wxFrame {
public:
    explicit MainFrame(Workspace& workspace);
    ~MainFrame() override;

    Workspace& workspace() { return m_workspace; }
    PlanEditor& editor() { return m_editor; }
    PatientListPanel& patientList() { return *m_patients; }
    PatientHeader& header() { return *m_header; }
    CatalogPanel& catalogPanel() { return *m_catalog; }
    PlanPanel& planPanel() { return *m_plan; }
    DosageEditor& dosageEditor() { return *m_dosage; }
    GuidancePanel& guidancePanel() { return *m_guidance; }
    FollowUpPanel& followUpPanel() { return *m_followUps; }
    DueFollowUpsPanel& duePanel() { return *m_due; }
    // The right-hand tabs: the plan builder first; the handout and follow-up tabs follow.
    wxNotebook& tabs() { return *m_tabs; }
    HandoutPanel& handoutPanel() { return *m_handout; }
    void showHandout(); // selects the Handout tab

    // --- patients
    std::int64_t addPatient(const Patient& patient); // stores and shows it; 0 on failure (dialog shown)
    bool updatePatient(const Patient& patient);
    // Shows the patient (0: none), after settling unsaved changes; false when the
    // clinician chose to stay.
    bool selectPatient(std::int64_t id);
    std::int64_t currentPatientId() const { return m_patientId; }
    const std::optional<Patient>& currentPatient() const { return m_patient; }
    bool recordScreening(const RedFlagScreening& screening);
    void setArchived(std::int64_t id, bool archived);

    // --- the plan
    bool addExercise(const std::string& exerciseId, std::size_t at = PlanEditor::npos);
    bool addSuggestedExercise(); // the guidance panel's first suggestion
    bool openPlan(std::int64_t planId);
    bool newPlanFromTemplate(const std::string& templateId, const std::string& title);
    // Saves the draft as a new revision with the reason; returns its number, 0 on failure.
    int saveRevision(const std::string& reason);
    void undo();
    void redo();

    // Asks (or uses the test hook) what to do with unsaved changes; true when it is fine
    // to leave the current plan.
    bool settleUnsaved();
    void setUnsavedPrompt(std::function<UnsavedChoice()> prompt) { m_unsavedPrompt = std::move(prompt); }

    // --- the first start (MainFrameWelcome.cpp)
    // On a file whose profile names no clinician yet: asks once for the name handouts give
    // (needsHandoutName); then, for a database created by this start, offers the demo.
    void welcome(bool newDatabase);
    // The first-run offer: a demo patient with a demo plan.
    void offerDemo();
    // Asks for the name handouts give as the clinician until a valid one is stored or the
    // clinician cancels; true when stored. `prompt` gets the problem with the last answer
    // ("" the first time) and returns the name typed, or nullopt for Cancel.
    using NamePrompt = std::function<std::optional<std::string>(const wxString& problem)>;
    bool askHandoutName();
    void setHandoutNamePrompt(NamePrompt prompt) { m_namePrompt = std::move(prompt); }

    // --- tools: the clinic's exercises and the plugins (MainFrameTools.cpp)
    // Loads the catalog again after packs or plugin choices changed (with `rerunNative`,
    // native plugins run again) and shows it in the catalog, the plan and the guidance.
    // The open plan keeps its items; one whose exercise is gone is marked as missing.
    bool reloadCatalog(bool rerunNative = false);
    // Copies the pack folder into the user plugin folder and reloads; false (the reason
    // reported) when it does not load or is there already.
    bool importPackFrom(const std::filesystem::path& folder);
    // Copies the clinic pack to `target` (a new folder); false with the reason reported.
    bool exportClinicPackTo(const std::filesystem::path& target);
    void showClinicExercises();
    void showPluginManager();
    // The questions the tools ask; tests replace them so that no modal dialog waits.
    ToolPrompts& toolPrompts() { return m_toolPrompts; }

    // --- follow-ups (MainFrameFollowUps.cpp)
    // The note dialog for a new note of the current patient (noteId 0) or to amend a
    // stored one; true when a note was saved.
    bool openNoteDialog(std::int64_t noteId = 0);
    // Opens the patient on the Follow-ups tab (the dashboard's click).
    bool openFollowUps(std::int64_t patientId);
    void showFollowUpsTab();
    // Reads notes and follow-ups due again: the tab, the dashboard, the list, the status bar.
    void refreshFollowUps();
    // For tests: runs the note dialog instead of ShowModal and returns its result.
    void setNoteDialogRunner(std::function<int(NoteDialog&)> runner) { m_noteRunner = std::move(runner); }

    // --- the clinic database (MainFrameDatabase.cpp)
    // Opens another database (File > Open clinic database) after settling unsaved plan
    // changes; on failure the failure screen asks, and the current database stays open
    // when the clinician gives up. True when the new one is open.
    bool openDatabase(const DatabaseChoice& choice);
    // File > Switch user: after settling unsaved changes, the next person signs in to the
    // same server; the current one is signed out once they are in. False when cancelled
    // or on a file, which has no accounts.
    bool switchUser();
    // The questions opening a database asks; tests replace them.
    void setDatabasePrompts(DatabasePrompts prompts) { m_databasePrompts = std::move(prompts); }
    // For tests: runs the plan conflict dialog instead of ShowModal and returns its result
    // (wxID_SAVE saves the draft on top, anything else keeps editing).
    void setConflictRunner(std::function<int(PlanConflictDialog&)> runner) { m_conflictRunner = std::move(runner); }

    // --- live sharing (MainFrameLive.cpp)
    // On a shared server: what others commit shows here within the feed's polling
    // interval (patients, the open patient's header, plans and notes, the follow-ups due,
    // the handout); local unsaved edits stay. A draft whose plan someone else revised
    // gets a banner with Review. Started with the window and after opening a database.
    void watchChanges();
    // Reads the feed now (the timer does it every quarter second); for tests.
    void pollChanges();
    // What the stale-draft banner says; empty while it is hidden.
    const wxString& staleDraftText() const { return m_staleText; }
    // Review: what the other revision changed and what the draft changes on top of it.
    void reviewStaleDraft();

    // --- locking (MainFrameLock.cpp)
    // File > Lock (Ctrl+L), and the automatic lock after the idle minutes of the
    // preferences: every window of the app shows nothing but "locked" in its title and
    // no contents, and the lock screen asks for the password of who it is locked for (the
    // signed-in person on a server; this computer's account on a file). Everything open
    // stays as it was, unsaved edits included, and shows again once the password is right.
    // Returns once unlocked.
    void lock();
    bool locked() const { return m_locked; }
    // The idle timer's tick: locks when nobody touched the app for the idle minutes.
    void checkIdle();
    // How long the app waits without a key or the mouse before it locks (Preferences).
    static int lockAfterMinutes();
    // For tests: runs the lock screen instead of ShowModal (it must unlock it before
    // returning); the computer's password service; the idle clock.
    void setLockRunner(std::function<void(LockScreen&)> runner) { m_lockRunner = std::move(runner); }
    void setPasswordService(osauth::PamService service) { m_passwordService = std::move(service); }
    void setIdleClock(std::function<std::chrono::steady_clock::time_point()> clock);

    // --- the database check (MainFrameAudit.cpp)
    // Checks the database (integrity, the audit chain against its checkpoints) on a thread
    // of its own, with a connection of its own; a failure or a warning shows in a banner
    // over the window, saying what failed and what to do. The app starts it at start-up.
    void checkDatabaseInBackground();
    bool checkingDatabase() const;
    // What the banner says; empty while it is hidden.
    const wxString& databaseBannerText() const { return m_bannerText; }

private:
    void buildMenus();
    wxMenu* makeHandoutMenu(); // MainFrameHandout.cpp
    void refreshHandout();
    void buildLayout();
    void placeSashes();
    void bindEvents();
    void restoreState();
    void saveState();

    void onPlanChanged();
    void refreshGuidance();
    void refreshStatus();
    void loadPatientPlans(std::optional<std::int64_t> planId);
    std::int64_t chooseInitialPlan(std::int64_t patientId) const;

    // Menu and button handlers that open dialogs.
    void onNewPatient();
    void onEditPatient();
    void onScreening();
    void onSave();
    void onNewPlan();
    void onHistory();
    void onClinic();
    void onPreferences();
    void onAbout();
    void onClose(wxCloseEvent& event);
    wxMenu* buildToolsMenu();
    void bindToolEvents();
    void onImportPack();
    void onExportPack();
    void bindFollowUps();
    void onOpenDatabase();
    void applyChanges(const std::vector<db::ChangeEvent>& events);
    void checkStaleDraft();
    // On a server: a new version of the clinic pack was announced; follow it.
    void followClinicPack();
    void showNewDatabase();
    // What the signed-in role may do: reception sees no plans, notes or handouts; only an
    // admin changes the clinic profile. A file has no roles.
    void applyRole();
    void bindLock();
    // What locking hides, and shows again after (MainFrameLock.cpp).
    struct Covered;
    std::vector<Covered> coverWindows();
    void uncoverWindows(std::vector<Covered>& covered);
    // After a save was refused because someone saved the plan meanwhile: shows both, and
    // rebases the draft on theirs. True when the clinician chose to save the draft now.
    bool resolvePlanConflict(const wxString& message, const std::string& reason);
    std::int64_t defaultRevisionId() const;

    Workspace& m_workspace;
    PlanEditor m_editor;
    std::int64_t m_patientId = 0;
    std::optional<Patient> m_patient;
    std::function<UnsavedChoice()> m_unsavedPrompt;
    NamePrompt m_namePrompt;
    ToolPrompts m_toolPrompts = defaultToolPrompts();
    bool m_refreshing = false;
    std::function<int(NoteDialog&)> m_noteRunner;
    DatabasePrompts m_databasePrompts = defaultDatabasePrompts();
    std::function<int(PlanConflictDialog&)> m_conflictRunner;
    std::function<void(LockScreen&)> m_lockRunner;
    osauth::PamService m_passwordService;
    std::unique_ptr<IdleWatch> m_idle;
    wxTimer m_idleTimer;
    bool m_locked = false;

    std::unique_ptr<BackgroundJobs> m_checks;
    std::unique_ptr<db::ChangeFeed> m_feed;
    wxTimer m_feedTimer; // a member: it stops and goes with the window
    wxInfoBar* m_staleBanner = nullptr;
    wxStaticText* m_roleNote = nullptr;
    wxString m_staleText;
    wxInfoBar* m_banner = nullptr;
    wxString m_bannerText;
    wxNotebook* m_tabs = nullptr;
    wxSplitterWindow* m_mainSplit = nullptr;
    wxSplitterWindow* m_leftSplit = nullptr;
    wxSplitterWindow* m_workSplit = nullptr;
    wxSplitterWindow* m_planSplit = nullptr;
    wxSplitterWindow* m_builderSplit = nullptr;
    PatientListPanel* m_patients = nullptr;
    PatientHeader* m_header = nullptr;
    CatalogPanel* m_catalog = nullptr;
    PlanPanel* m_plan = nullptr;
    DosageEditor* m_dosage = nullptr;
    GuidancePanel* m_guidance = nullptr;
    HandoutPanel* m_handout = nullptr;
    DueFollowUpsPanel* m_due = nullptr;
    FollowUpPanel* m_followUps = nullptr;
};

} // namespace sp::gui
