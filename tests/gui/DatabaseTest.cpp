// The main window and its clinic database: File > Open clinic database (a file or a
// server; remembered for the next start), the failure screen (Retry, Open a local
// database, Choose another) when a database cannot be opened, the conflict dialog when
// someone else saved the plan first, and a server that goes away mid-session: the
// clinician's unsaved work stays, and the next save reconnects.
#include "GuiFixture.h"

#include "db/OpenStore.h"
#include "db/ServerLocation.h"
#include "gui/AppSettings.h"
#include "gui/CatalogPanel.h"
#include "gui/DatabaseOpening.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/ErrorDialog.h"
#include "gui/ExerciseEditorDialog.h"
#include "gui/FollowUpPanel.h"
#include "gui/LockScreen.h"
#include "gui/OpenDatabaseDialog.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanConflictDialog.h"
#include "gui/SignInDialog.h"
#include "gui/StringListEditor.h"
#include "gui/ToolsMenu.h"
#include "gui/WxText.h"
#include "settings/XdgDirs.h"
#include "support/PgCluster.h"

#include <boost/test/unit_test.hpp>

#include <chrono>

#include <wx/choice.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/radiobut.h>
#include <wx/spinctrl.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

using namespace sp;
using sp::test::FrameFixture;

namespace {

bool contains(const wxString& text, const char* part)
{
    return text.Find(wxString::FromUTF8(part)) != wxNOT_FOUND;
}

Patient patientNamed(const char* name)
{
    Patient p;
    p.name = name;
    p.dateOfBirth = Date{1975, 2, 3};
    p.phone = "555 0100";
    return p;
}

db::StoreOptions optionsFor(const char* actor)
{
    db::StoreOptions options;
    options.actor = actor;
    return options;
}

// Errors land here instead of in a modal box; the failure screen and the chooser answer
// from a script, and each question is kept to be looked at.
struct Scripted {
    std::vector<std::pair<wxString, wxString>> errors;
    std::vector<gui::OpenFailure> failures;
    std::vector<gui::FailureAnswer> answers; // given in order; GiveUp once they run out
    Scripted() { gui::setErrorSink([this](const wxString& doing, const wxString& why) { errors.emplace_back(doing, why); }); }
    ~Scripted() { gui::setErrorSink({}); }
    gui::DatabasePrompts prompts()
    {
        gui::DatabasePrompts p;
        p.failure = [this](wxWindow*, const gui::OpenFailure& f) {
            failures.push_back(f);
            if (failures.size() > answers.size())
                return gui::FailureAnswer{};
            return answers[failures.size() - 1];
        };
        p.choose = [](wxWindow*, const std::string&) { return std::optional<gui::DatabaseChoice>(); };
        p.signIn = [](wxWindow*, const std::string&, const wxString&, bool) {
            return std::optional<gui::DatabaseChoice>();
        };
        return p;
    }
};

struct DatabaseFixture : FrameFixture, Scripted {
    DatabaseFixture() { frame->setDatabasePrompts(prompts()); }
    ~DatabaseFixture() { gui::writeConfig(gui::cfg::kDatabase, wxString()); }
};

std::string closedServer()
{
    return "postgresql://clinician@127.0.0.1:" + std::to_string(test::freeLoopbackPort()) + "/clinic";
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(clinic_database, DatabaseFixture)

BOOST_AUTO_TEST_CASE(opening_another_file_shows_only_its_patients_and_is_remembered)
{
    const std::int64_t here = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(here != 0);
    const std::string other = (folder / "other clinic.db").string();
    db::openClinicStore(other, optionsFor("pt.okafor"))->patients().add(patientNamed("Bo Elsewhere"));

    BOOST_TEST(frame->openDatabase(gui::DatabaseChoice{other, {}, false}));
    BOOST_TEST(workspace->databaseLocation() == other);
    BOOST_TEST(frame->currentPatientId() == 0); // nothing of the other database stays on screen
    BOOST_TEST(!frame->currentPatient());
    const auto shown = frame->patientList().shownIds();
    BOOST_TEST_REQUIRE(shown.size() == 1u);
    BOOST_TEST(workspace->store().patients().get(shown.front()).name == "Bo Elsewhere");
    BOOST_TEST(contains(frame->GetStatusBar()->GetStatusText(2), "other clinic.db"));
    // The next start opens it, unless --db says otherwise.
    BOOST_TEST(gui::startLocation("") == other);
    BOOST_TEST(gui::startLocation("/x/given.db") == "/x/given.db");
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(a_server_that_does_not_answer_is_explained_and_the_open_database_stays)
{
    const std::int64_t here = frame->addPatient(patientNamed("Ada Here"));
    const std::string before = workspace->databaseLocation();
    const std::string server = closedServer();
    BOOST_TEST(!frame->openDatabase(gui::DatabaseChoice{server, {}, false}));
    BOOST_TEST_REQUIRE(failures.size() == 1u);
    const gui::OpenFailure& f = failures.front();
    BOOST_TEST(f.server);
    BOOST_TEST(!f.askPassword);
    BOOST_TEST(!f.atStart);
    BOOST_TEST(f.localAvailable);
    BOOST_TEST(contains(f.reason, "127.0.0.1"), f.reason);
    BOOST_TEST(f.location == server.substr(std::string("postgresql://").size())); // user@host:port/database
    // Given up: the database open before is still open, with its patient on screen.
    BOOST_TEST(workspace->databaseLocation() == before);
    BOOST_TEST(frame->currentPatientId() == here);
    BOOST_TEST(workspace->store().patients().get(here).name == "Ada Here");
    BOOST_TEST(gui::readConfig(gui::cfg::kDatabase, wxString()).empty());
}

BOOST_AUTO_TEST_CASE(retry_asks_again_and_open_a_local_database_opens_the_default_file)
{
    answers = {gui::FailureAnswer{gui::FailureAction::Retry, {}, false},
               gui::FailureAnswer{gui::FailureAction::OpenLocal, {}, false}};
    BOOST_TEST(frame->openDatabase(gui::DatabaseChoice{closedServer(), {}, false}));
    BOOST_TEST(failures.size() == 2u); // the first answer was Retry: the same failure again
    BOOST_TEST(workspace->databaseLocation() == defaultDatabasePath().string());
    BOOST_TEST(!workspace->onServer());
    BOOST_TEST(gui::startLocation("") == defaultDatabasePath().string());
}

BOOST_AUTO_TEST_CASE(the_failure_screen_says_what_and_offers_the_way_out)
{
    gui::OpenFailure f;
    f.location = "clinician@clinic.example.org:5432/stretchplan";
    f.reason = "cannot reach the clinic server clinic.example.org:5432/stretchplan: timeout expired";
    f.server = true;
    f.localAvailable = true;
    f.atStart = true;
    gui::DatabaseUnavailableDialog screen(frame, f, false);
    BOOST_TEST(contains(screen.text(), "cannot open the clinic server clinician@clinic.example.org"));
    BOOST_TEST(contains(screen.text(), "timeout expired"));
    BOOST_TEST(contains(screen.text(), "server is running"));
    for (const char* button : {"Retry", "OpenLocal", "ChooseAnother", "GiveUp"})
        BOOST_TEST(screen.FindWindow(button) != nullptr, button);
    BOOST_TEST(screen.FindWindow("Password") == nullptr);
    screen.choose(gui::FailureAction::OpenLocal);
    BOOST_TEST((screen.answer().action == gui::FailureAction::OpenLocal));

    // A refused sign-in asks for the password; Retry takes it.
    f.askPassword = true;
    f.localAvailable = false;
    gui::DatabaseUnavailableDialog signIn(frame, f, false);
    BOOST_TEST(contains(signIn.text(), "refused the sign-in"));
    BOOST_TEST(signIn.FindWindow("OpenLocal") == nullptr);
    auto* password = dynamic_cast<wxTextCtrl*>(signIn.FindWindow("Password"));
    BOOST_TEST_REQUIRE(password != nullptr);
    password->SetValue("s3cret");
    signIn.choose(gui::FailureAction::Retry);
    BOOST_TEST((signIn.answer().action == gui::FailureAction::Retry));
    BOOST_TEST(signIn.answer().password == "s3cret");
    BOOST_TEST(!signIn.answer().remember); // no keyring in the test session
}

BOOST_AUTO_TEST_CASE(the_open_dialog_shows_a_servers_fields_and_checks_them)
{
    gui::OpenDatabaseDialog dialog(
        frame, "postgresql://pt.okafor@clinic.example.org:5433/stretchplan?sslmode=verify-full&sslrootcert=/etc/ca.pem",
        false);
    const auto text = [&](const char* name) { return dynamic_cast<wxTextCtrl*>(dialog.FindWindow(name)); };
    BOOST_TEST(dynamic_cast<wxRadioButton*>(dialog.FindWindow("UseServer"))->GetValue());
    BOOST_TEST(text("Host")->GetValue() == "clinic.example.org");
    BOOST_TEST(dynamic_cast<wxSpinCtrl*>(dialog.FindWindow("Port"))->GetValue() == 5433);
    BOOST_TEST(text("Database")->GetValue() == "stretchplan");
    BOOST_TEST(text("User")->GetValue() == "pt.okafor");
    BOOST_TEST(dialog.validateChoice());
    BOOST_TEST(dialog.choice().location ==
               "postgresql://pt.okafor@clinic.example.org:5433/stretchplan?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem");

    // A tired clinician clears the host and the user: each field says what is missing.
    text("Host")->SetValue("  ");
    text("User")->SetValue("");
    BOOST_TEST(!dialog.validateChoice());
    const auto message = [&](const char* field) {
        return dynamic_cast<wxStaticText*>(dialog.FindWindow(wxString("Message.") + field))->GetLabel();
    };
    BOOST_TEST(contains(message("host"), "server's name or address"));
    BOOST_TEST(contains(message("user"), "user name"));
    BOOST_TEST(message("database").empty());

    // A file: its path, no password.
    dynamic_cast<wxRadioButton*>(dialog.FindWindow("UseFile"))->SetValue(true);
    BOOST_TEST(!dialog.validateChoice()); // no file chosen yet
    BOOST_TEST(contains(message("file"), "Choose the database file"));
}

BOOST_AUTO_TEST_CASE(a_plan_saved_meanwhile_by_someone_else_keeps_the_draft_and_shows_both)
{
    const std::int64_t patientId = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Low back"));
    BOOST_TEST_REQUIRE(frame->saveRevision("First plan") == 1);
    const std::int64_t planId = frame->editor().planId();

    // At the other workstation: a colleague saves revision 2 without the first exercise.
    auto other = db::openClinicStore(db.string(), optionsFor("pt.okafor"));
    PlanRevision theirs = other->plans().revision(planId);
    const std::string removedByThem = theirs.items.front().snapshot.name;
    theirs.items.erase(theirs.items.begin());
    theirs.reason = "Too much for now";
    BOOST_TEST_REQUIRE(other->plans().revise(planId, theirs, 1) == 2);

    // Here, the draft still from revision 1 gains a note.
    frame->editor().setNote(0, "Stop if the leg tingles");
    const PlanDraft draft = frame->editor().draft();
    int asked = 0;
    wxString theirText, draftText;
    frame->setConflictRunner([&](gui::PlanConflictDialog& dialog) {
        ++asked;
        theirText = dialog.theirChangesText();
        draftText = dialog.draftChangesText();
        return static_cast<int>(wxID_CANCEL); // keep editing
    });
    BOOST_TEST(frame->saveRevision("Added a caution") == 0);
    BOOST_TEST(asked == 1);
    BOOST_TEST(contains(theirText, removedByThem.c_str()), theirText);
    BOOST_TEST(!draftText.empty());
    // Nothing of the draft was lost, nothing was written, and it now goes on top of theirs.
    BOOST_TEST(frame->editor().isDirty());
    BOOST_TEST((frame->editor().draft() == draft));
    BOOST_TEST(frame->editor().baseRevision() == 2);
    BOOST_TEST(workspace->store().plans().get(planId).latestRevision == 2);
    BOOST_TEST(errors.empty());

    // Saved after review: revision 3, the colleague's revision kept in the history.
    BOOST_TEST(frame->saveRevision("Added a caution") == 3);
    BOOST_TEST(asked == 1);
    BOOST_TEST(!frame->editor().isDirty());
    BOOST_TEST(workspace->store().plans().revision(planId, 2).reason == "Too much for now");
    BOOST_TEST(workspace->store().plans().revision(planId, 3).items.front().note == "Stop if the leg tingles");
    (void)patientId;
}

BOOST_AUTO_TEST_CASE(choosing_save_in_the_conflict_dialog_saves_the_draft_as_the_next_revision)
{
    frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Low back"));
    BOOST_TEST_REQUIRE(frame->saveRevision("First plan") == 1);
    const std::int64_t planId = frame->editor().planId();
    auto other = db::openClinicStore(db.string(), optionsFor("pt.okafor"));
    BOOST_TEST_REQUIRE(other->plans().revise(planId, other->plans().revision(planId), 1) == 2);
    frame->editor().setNote(0, "Mine");
    frame->setConflictRunner([](gui::PlanConflictDialog&) { return static_cast<int>(wxID_SAVE); });
    BOOST_TEST(frame->saveRevision("Mine on top") == 3);
    BOOST_TEST(workspace->store().plans().revision(planId).reason == "Mine on top");
    BOOST_TEST(workspace->store().plans().revision(planId, 2).author == "pt.okafor");
}

BOOST_AUTO_TEST_CASE(a_patient_field_changed_meanwhile_is_refused_once_and_shown)
{
    const std::int64_t id = frame->addPatient(patientNamed("Ada Here"));
    auto other = db::openClinicStore(db.string(), optionsFor("front.desk"));
    Patient theirs = other->patients().get(id);
    theirs.phone = "555 0199";
    other->patients().update(other->patients().get(id), theirs);

    Patient mine = *frame->currentPatient();
    mine.phone = "555 0123";
    BOOST_TEST(!frame->updatePatient(mine));
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(contains(errors.front().second, "front.desk"), errors.front().second);
    BOOST_TEST(contains(errors.front().second, "phone"));
    BOOST_TEST(contains(errors.front().second, "Your changes are kept"));
    // The window now shows what is stored; saving again is a deliberate change.
    BOOST_TEST(frame->currentPatient()->phone == "555 0199");
    BOOST_TEST(frame->updatePatient(mine));
    BOOST_TEST(workspace->store().patients().get(id).phone == "555 0123");
}

BOOST_AUTO_TEST_SUITE_END()

// A real server that goes away while a plan is being edited.
namespace {

struct ServerFrame : Scripted {
    test::PgCluster cluster;
    std::string location;
    std::unique_ptr<Workspace> workspace;
    gui::MainFrame* frame = nullptr;

    ServerFrame()
    {
        cluster.createRole("sp_owner", "owner-secret", true);
        cluster.psql("ALTER ROLE sp_owner CREATEROLE");
        cluster.createDatabase("clinic", "sp_owner");
        db::initClinicDatabase(cluster.uri("sp_owner", "owner-secret", "clinic"), optionsFor("admin"));
        cluster.createRole("clinician", "clinician-secret", true, {"stretchplan_app"});
        location = cluster.uri("clinician", "", "clinic");
        workspace = std::make_unique<Workspace>(WorkspaceOptions{location, {}, false, "tester", {}, "clinician-secret"});
        workspace->openDatabase();
        workspace->loadCatalog();
        workspace->loadTemplatesAndThresholds();
        frame = new gui::MainFrame(*workspace);
        frame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
        frame->setDatabasePrompts(prompts());
        frame->Show();
        FrameFixture::pump();
    }
    ~ServerFrame()
    {
        for (gui::MainFrame* f : {frame, otherFrame})
            if (f) {
                f->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
                f->Destroy();
            }
        FrameFixture::pump();
        workspace.reset();
        otherWorkspace.reset();
    }

    // A second workstation on the same server, signed in as someone else.
    std::unique_ptr<Workspace> otherWorkspace;
    gui::MainFrame* otherFrame = nullptr;
    void openSecondWorkstation()
    {
        cluster.createRole("colleague", "colleague-secret", true, {"stretchplan_app"});
        otherWorkspace = std::make_unique<Workspace>(
            WorkspaceOptions{cluster.uri("colleague", "", "clinic"), {}, false, "pt.okafor", {}, "colleague-secret"});
        otherWorkspace->openDatabase();
        otherWorkspace->loadCatalog();
        otherWorkspace->loadTemplatesAndThresholds();
        otherFrame = new gui::MainFrame(*otherWorkspace);
        otherFrame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
        otherFrame->Show();
        FrameFixture::pump();
    }

    // Runs the event loop (the feed's timer among it) until `done`, at most `limit`.
    static bool within(std::chrono::milliseconds limit, const std::function<bool()>& done)
    {
        const auto until = std::chrono::steady_clock::now() + limit;
        while (!done()) {
            if (std::chrono::steady_clock::now() > until)
                return false;
            FrameFixture::pump();
            wxMilliSleep(20);
        }
        return true;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(clinic_server, ServerFrame)

BOOST_AUTO_TEST_CASE(a_server_restart_mid_edit_keeps_the_draft_and_the_next_save_reconnects)
{
    BOOST_TEST(workspace->onServer());
    BOOST_TEST(contains(frame->GetStatusBar()->GetStatusText(2), "clinician (clinician) · 127.0.0.1:"),
               frame->GetStatusBar()->GetStatusText(2));
    BOOST_TEST(!contains(frame->GetStatusBar()->GetStatusText(2), "secret"));
    const std::int64_t id = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(id != 0);
    BOOST_TEST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Low back"));
    const PlanDraft draft = frame->editor().draft();

    cluster.stop(test::StopMode::Immediate);
    BOOST_TEST(frame->saveRevision("First plan") == 0);
    BOOST_TEST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(contains(errors.front().first, "Cannot save the plan"));
    BOOST_TEST(contains(errors.front().second, "127.0.0.1"), errors.front().second);
    BOOST_TEST(frame->editor().isDirty()); // the draft is all still there
    BOOST_TEST((frame->editor().draft() == draft));

    cluster.start();
    BOOST_TEST(frame->saveRevision("First plan") == 1);
    BOOST_TEST(!frame->editor().isDirty());
    BOOST_TEST(workspace->store().plans().listForPatient(id).size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_note_added_at_one_workstation_shows_at_the_other_within_two_seconds)
{
    openSecondWorkstation();
    const std::int64_t id = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(id != 0);
    // The colleague sees the new patient in their list, without doing anything.
    BOOST_TEST(within(std::chrono::seconds(2), [&] {
        const auto shown = otherFrame->patientList().shownIds();
        return std::find(shown.begin(), shown.end(), id) != shown.end();
    }));
    BOOST_TEST_REQUIRE(otherFrame->selectPatient(id));
    BOOST_TEST(otherFrame->followUpPanel().notes().empty());

    FollowUpNote note;
    note.patientId = id;
    note.visitDate = gui::localToday();
    note.painNow = 3;
    note.nextDue = gui::localToday();
    const std::int64_t noteId = workspace->store().notes().add(note);
    BOOST_TEST(within(std::chrono::seconds(2), [&] { return otherFrame->followUpPanel().notes().size() == 1u; }));
    BOOST_TEST(otherFrame->followUpPanel().notes().front().id == noteId);
    BOOST_TEST(otherFrame->duePanel().summary().dueNow() == 1u);
}

BOOST_AUTO_TEST_CASE(a_revision_saved_at_one_workstation_flags_the_others_open_draft)
{
    openSecondWorkstation();
    const std::int64_t id = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Low back"));
    BOOST_TEST_REQUIRE(frame->saveRevision("First plan") == 1);
    const std::int64_t planId = frame->editor().planId();
    // The colleague opens the plan and starts changing it.
    BOOST_TEST(within(std::chrono::seconds(2), [&] {
        const auto shown = otherFrame->patientList().shownIds();
        return std::find(shown.begin(), shown.end(), id) != shown.end();
    }));
    BOOST_TEST_REQUIRE(otherFrame->selectPatient(id));
    BOOST_TEST_REQUIRE(otherFrame->editor().planId() == planId);
    otherFrame->editor().setNote(0, "Theirs, not saved yet");
    const PlanDraft draft = otherFrame->editor().draft();
    BOOST_TEST(otherFrame->staleDraftText().empty());

    // Here, revision 2 is saved.
    frame->editor().removeItem(0);
    BOOST_TEST_REQUIRE(frame->saveRevision("Fewer exercises") == 2);
    BOOST_TEST(frame->staleDraftText().empty()); // one's own save flags nothing
    BOOST_TEST(within(std::chrono::seconds(2), [&] { return !otherFrame->staleDraftText().empty(); }));
    BOOST_TEST(contains(otherFrame->staleDraftText(), " saved revision 2 at "), otherFrame->staleDraftText());
    BOOST_TEST(contains(otherFrame->staleDraftText(), "based on revision 1"));
    BOOST_TEST((otherFrame->editor().draft() == draft)); // the draft is untouched
    BOOST_TEST(otherFrame->editor().isDirty());

    // Review shows both; keeping on editing puts the draft on top of revision 2.
    wxString theirs;
    otherFrame->setConflictRunner([&](gui::PlanConflictDialog& dialog) {
        theirs = dialog.theirChangesText();
        return static_cast<int>(wxID_CANCEL);
    });
    otherFrame->reviewStaleDraft();
    BOOST_TEST(contains(theirs, "Removed"), theirs);
    BOOST_TEST(otherFrame->editor().baseRevision() == 2);
    BOOST_TEST(otherFrame->staleDraftText().empty());
    BOOST_TEST((otherFrame->editor().draft() == draft));
}

BOOST_AUTO_TEST_CASE(a_clinic_exercise_saved_at_one_workstation_is_in_the_others_catalog)
{
    // The clinician here has a plan draft open; an admin works at another workstation.
    const std::int64_t id = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST_REQUIRE(id != 0);
    BOOST_TEST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Low back"));
    frame->editor().setNote(0, "Mine, not saved yet");
    const PlanDraft draft = frame->editor().draft();
    cluster.createRole("boss", "boss-secret", true, {"stretchplan_admin"});
    otherWorkspace = std::make_unique<Workspace>(
        WorkspaceOptions{cluster.uri("boss", "", "clinic"), {}, false, "boss", {}, "boss-secret"});
    otherWorkspace->openDatabase();
    otherWorkspace->loadCatalog();
    otherWorkspace->loadTemplatesAndThresholds();
    otherFrame = new gui::MainFrame(*otherWorkspace);
    otherFrame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
    otherFrame->Show();
    FrameFixture::pump();
    // Only an admin changes the clinic's exercises on a server.
    BOOST_TEST(!frame->GetMenuBar()->IsEnabled(gui::kIdClinicExercises));
    BOOST_TEST(otherFrame->GetMenuBar()->IsEnabled(gui::kIdClinicExercises));

    {
        // Tools → Clinic exercises → New, filled in and saved at the admin's workstation.
        gui::ExerciseEditorDialog dialog(otherFrame, *otherWorkspace, otherWorkspace->clinicPack());
        dialog.text("name")->SetValue("Wall slide");
        dialog.text("summary")->SetValue("Build strength in your thighs to make standing up easier.");
        dialog.text("regions")->SetValue("knee");
        dialog.text("start_position")->SetValue("Stand with your back against a wall.");
        dialog.setType(ExerciseType::Strength);
        dialog.setPosition(Position::Standing);
        dialog.setDirection(Direction::Neutral, true);
        dialog.list("steps")->setStrings({"Slide down the wall a little.", "Hold.", "Push back up."});
        dialog.list("cues")->setStrings({"Keep your knees over your toes."});
        dialog.setDosage(Dosage{2, 8, 5, 30, 1, 5, Side::Both, 4});
        const bool saved = dialog.save();
        std::string why;
        for (const char* key : {"", "id", "name", "summary", "regions", "start_position", "steps", "cues", "dosage"})
            why += gui::u8(dialog.messageFor(key)) + " ";
        BOOST_REQUIRE_MESSAGE(saved, why);
    }
    BOOST_TEST(otherFrame->reloadCatalog()); // as the Clinic exercises window does after a save
    BOOST_TEST(otherWorkspace->catalog().find("clinic/wall-slide") != nullptr);
    BOOST_TEST(otherWorkspace->store().clinicPack().latest()->savedBy == "boss");

    // The clinician's catalog has it within 2 s, without a restart; the draft is untouched.
    const auto shownHere = [&] {
        const auto& shown = frame->catalogPanel().shown();
        return std::any_of(shown.begin(), shown.end(), [](const Exercise* e) { return e->qualifiedId() == "clinic/wall-slide"; });
    };
    BOOST_TEST(within(std::chrono::seconds(2), [&] { return workspace->catalog().find("clinic/wall-slide") != nullptr; }));
    BOOST_TEST(shownHere());
    BOOST_TEST(workspace->catalog().find("clinic/wall-slide")->name == "Wall slide");
    BOOST_TEST((frame->editor().draft() == draft));
    BOOST_TEST(frame->editor().isDirty());
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(switching_user_signs_in_the_next_person_with_their_role)
{
    db::openClinicStore(cluster.uri("sp_owner", "owner-secret", "clinic"), optionsFor("admin"))
        ->staff()
        .add(db::StaffMember{"front.desk", "Fran Desk", db::StaffRole::Reception, false, {}}, "desk-secret");
    const std::int64_t id = frame->addPatient(patientNamed("Ada Here"));
    BOOST_TEST(frame->tabs().IsShown());
    std::vector<std::string> asked;
    gui::DatabasePrompts p = prompts();
    p.signIn = [&](wxWindow*, const std::string& at, const wxString&, bool nextPerson) {
        BOOST_TEST(nextPerson); // nothing of the current person is offered to the next
        asked.push_back(at);
        return std::optional<gui::DatabaseChoice>(gui::DatabaseChoice{db::withUser(at, "front.desk"), "desk-secret", false});
    };
    frame->setDatabasePrompts(p);
    BOOST_TEST(frame->switchUser());
    BOOST_TEST(asked.size() == 1u);
    BOOST_TEST(workspace->store().signedIn()->login == "front.desk");
    BOOST_TEST(contains(frame->GetStatusBar()->GetStatusText(2), "Fran Desk (reception)"),
               frame->GetStatusBar()->GetStatusText(2));
    // Reception: the patients and the follow-ups due, no plans, notes or handouts.
    BOOST_TEST(!frame->tabs().IsShown());
    BOOST_TEST(frame->FindWindow("RoleNote")->IsShown());
    BOOST_TEST(!frame->GetMenuBar()->IsEnabled(wxID_SAVE));
    BOOST_TEST(frame->currentPatientId() == 0); // the next person starts with no patient open
    const auto shown = frame->patientList().shownIds();
    BOOST_TEST((std::find(shown.begin(), shown.end(), id) != shown.end()));
    // No false alarm: the start-up check reads what reception may not, so it is not run
    // there, and no banner says the database "could not be checked".
    BOOST_TEST(!within(std::chrono::seconds(3), [&] { return !frame->databaseBannerText().empty(); }),
               frame->databaseBannerText());
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_CASE(the_sign_in_dialog_offers_the_server_and_asks_for_what_is_missing)
{
    gui::SignInDialog signIn(frame, location, wxString(), false);
    auto* user = dynamic_cast<wxTextCtrl*>(signIn.FindWindow("User"));
    auto* password = dynamic_cast<wxTextCtrl*>(signIn.FindWindow("Password"));
    BOOST_TEST_REQUIRE((user && password));
    BOOST_TEST(user->GetValue() == "clinician");
    BOOST_TEST(password->GetValue().empty()); // no keyring in the test session
    BOOST_TEST(contains(dynamic_cast<wxStaticText*>(signIn.FindWindow("Server"))->GetLabel(), "127.0.0.1:"));
    BOOST_TEST(!signIn.validateChoice());
    BOOST_TEST(contains(dynamic_cast<wxStaticText*>(signIn.FindWindow("Problem"))->GetLabel(), "password"));
    password->SetValue("clinician-secret");
    BOOST_TEST(signIn.validateChoice());
    const gui::DatabaseChoice choice = signIn.choice();
    BOOST_TEST(db::serverFields(choice.location).user == "clinician");
    BOOST_TEST(choice.password == "clinician-secret");
    gui::SignInDialog next(frame, location, wxString(), false, true);
    BOOST_TEST(dynamic_cast<wxTextCtrl*>(next.FindWindow("User"))->GetValue().empty());
}

BOOST_AUTO_TEST_CASE(a_wrong_password_asks_for_the_right_one)
{
    // The workspace's password is wrong; the failure screen asks, the answer opens it.
    answers = {gui::FailureAnswer{gui::FailureAction::Retry, "clinician-secret", false}};
    BOOST_TEST(frame->openDatabase(gui::DatabaseChoice{location, "not-the-password", false}));
    BOOST_TEST_REQUIRE(failures.size() == 1u);
    BOOST_TEST(failures.front().askPassword);
    BOOST_TEST(contains(failures.front().reason, "clinician"), failures.front().reason);
    BOOST_TEST(!contains(gui::wxs(failures.front().location), "not-the-password"));
    BOOST_TEST(workspace->onServer());
    // Remembered without any password.
    const wxString remembered = gui::readConfig(gui::cfg::kDatabase, wxString());
    BOOST_TEST(contains(remembered, "clinician@127.0.0.1"));
    BOOST_TEST(!contains(remembered, "secret"));
    gui::writeConfig(gui::cfg::kDatabase, wxString());
}

BOOST_AUTO_TEST_CASE(on_a_server_the_signed_in_persons_password_unlocks_and_the_server_checks_it)
{
    const std::int64_t id = frame->addPatient(patientNamed("Ida Lockwood"));
    BOOST_REQUIRE(id > 0);
    bool ran = false;
    frame->setLockRunner([&](gui::LockScreen& screen) {
        ran = true;
        BOOST_TEST(!frame->GetTitle().Contains("Lockwood"));
        BOOST_TEST(!screen.text().Contains("Lockwood"));
        BOOST_TEST(contains(screen.text(), "clinician"), screen.text());
        // The server refuses a wrong password and an empty one (no PGPASSWORD or
        // ~/.pgpass stands in for what is typed); the computer's password is not asked.
        BOOST_TEST(!screen.tryUnlock("colleague-secret"));
        BOOST_TEST(contains(screen.problem(), "did not accept"), screen.problem());
        BOOST_TEST(!screen.tryUnlock(""));
        BOOST_TEST(frame->locked());
        BOOST_TEST(screen.tryUnlock("clinician-secret"));
    });
    frame->lock();
    BOOST_TEST(ran);
    BOOST_TEST(!frame->locked());
    BOOST_TEST(frame->GetTitle().Contains("Lockwood"));
    // A server that went away cannot check: it stays locked and says why.
    cluster.stop();
    ran = false;
    frame->setLockRunner([&](gui::LockScreen& screen) {
        ran = true;
        BOOST_TEST(!screen.tryUnlock("clinician-secret"));
        BOOST_TEST(contains(screen.problem(), "could not be checked"), screen.problem());
        cluster.start();
        BOOST_TEST(screen.tryUnlock("clinician-secret"));
    });
    frame->lock();
    BOOST_TEST(ran);
    BOOST_TEST(errors.empty());
}

BOOST_AUTO_TEST_SUITE_END()
