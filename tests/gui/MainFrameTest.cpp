#include "GuiFixture.h"

#include "gui/CatalogPanel.h"
#include "gui/DosageEditor.h"
#include "gui/GuidancePanel.h"
#include "gui/PatientHeader.h"
#include "gui/PatientListPanel.h"
#include "gui/PlanPanel.h"

#include <boost/test/unit_test.hpp>

#include <wx/stopwatch.h>
#include <wx/uiaction.h>

#include <algorithm>
#include <fstream>

using namespace sp;
using sp::test::FrameFixture;

namespace {

std::vector<std::string> planIds(gui::MainFrame& frame)
{
    std::vector<std::string> ids;
    for (const PlanItem& item : frame.editor().draft().items)
        ids.push_back(item.exerciseId);
    return ids;
}

// Searches the catalog as a clinician types and adds the best match with the Add button's action.
std::string searchAndAdd(gui::MainFrame& frame, const char* text)
{
    frame.catalogPanel().setSearch(text);
    BOOST_REQUIRE(!frame.catalogPanel().shown().empty());
    const Exercise* first = frame.catalogPanel().shown().front();
    frame.catalogPanel().select(0);
    BOOST_REQUIRE(frame.catalogPanel().selected() == first);
    frame.catalogPanel().onAdd(*frame.catalogPanel().selected());
    return first->qualifiedId();
}

Patient newPatient(const char* name, DirectionalPreference preference)
{
    Patient p;
    p.name = name;
    p.dateOfBirth = Date{1980, 6, 15};
    p.preference = preference;
    return p;
}

bool hasFinding(gui::MainFrame& frame, const std::string& code, const std::string& item)
{
    const auto& findings = frame.guidancePanel().findings();
    return std::any_of(findings.begin(), findings.end(), [&](const Finding& f) {
        return f.code == code && std::find(f.items.begin(), f.items.end(), item) != f.items.end();
    });
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(main_frame, FrameFixture)

BOOST_AUTO_TEST_CASE(adding_a_patient_lists_and_shows_them)
{
    const std::int64_t id = frame->addPatient(newPatient("Ana Núñez", DirectionalPreference::ExtensionRelieves));
    BOOST_REQUIRE(id > 0);
    BOOST_TEST(frame->currentPatientId() == id);
    BOOST_TEST(frame->patientList().selectedId() == id);
    const auto shown = frame->patientList().shownIds();
    BOOST_TEST((std::find(shown.begin(), shown.end(), id) != shown.end()));
    frame->patientList().setSearch("nunez");
    BOOST_TEST(frame->patientList().shownIds().size() == 1u);
    frame->patientList().setSearch("zzz");
    BOOST_TEST(frame->patientList().shownIds().empty());
    BOOST_TEST(frame->header().screeningText().Contains("not screened"));
    BOOST_TEST(frame->GetTitle().Contains("Ana"));
}

BOOST_AUTO_TEST_CASE(builds_a_plan_changes_a_dosage_and_saves_a_revision)
{
    const std::int64_t id = frame->addPatient(newPatient("Ben Ortiz", DirectionalPreference::ExtensionRelieves));
    BOOST_REQUIRE(frame->editor().isOpen());
    BOOST_TEST(frame->editor().isNew());

    const std::string pressUp = searchAndAdd(*frame, "press up");
    const std::string bridge = searchAndAdd(*frame, "bridge");
    const std::string hamstring = searchAndAdd(*frame, "hamstring");
    BOOST_TEST(pressUp == "lumbar/prone-press-up");
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{pressUp, bridge, hamstring}));
    BOOST_TEST(!frame->addExercise(bridge)); // already in the plan

    frame->planPanel().selectIndex(1);
    frame->dosageEditor().setField("reps", 12);
    BOOST_TEST(frame->editor().draft().items[1].dosage.reps == 12);
    BOOST_TEST(frame->planPanel().estimateText().Contains("min a session"));
    BOOST_TEST(frame->editor().isDirty());
    BOOST_TEST(frame->GetTitle().StartsWith("*"));

    BOOST_TEST(frame->saveRevision("First plan") == 1);
    BOOST_TEST(!frame->editor().isDirty());
    const auto plans = workspace->store().plans().listForPatient(id);
    BOOST_REQUIRE(plans.size() == 1u);
    const PlanRevision stored = workspace->store().plans().revision(plans[0].id);
    BOOST_TEST(stored.number == 1);
    BOOST_TEST(stored.reason == "First plan");
    BOOST_REQUIRE(stored.items.size() == 3u);
    BOOST_TEST(stored.items[1].exerciseId == bridge);
    BOOST_TEST(stored.items[1].dosage.reps == 12);

    // The next save is revision 2 of the same plan.
    frame->planPanel().selectIndex(0);
    frame->dosageEditor().setField("sets", 2);
    BOOST_TEST(frame->saveRevision("Progressing") == 2);
    BOOST_TEST(workspace->store().plans().listForPatient(id).size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_guidance_panel_warns_when_the_plan_goes_against_the_preference)
{
    const std::int64_t id = frame->addPatient(newPatient("Cleo Park", DirectionalPreference::ExtensionRelieves));
    searchAndAdd(*frame, "press up");
    BOOST_TEST(!hasFinding(*frame, "direction.extension-vs-flexion-preference", "lumbar/prone-press-up"));

    Patient p = workspace->store().patients().get(id);
    p.preference = DirectionalPreference::FlexionRelieves;
    BOOST_REQUIRE(frame->updatePatient(p));
    BOOST_TEST(hasFinding(*frame, "direction.extension-vs-flexion-preference", "lumbar/prone-press-up"));
    const wxString text = frame->guidancePanel().text();
    BOOST_TEST(text.Contains("Prone press-up"), text.utf8_string());
    BOOST_TEST(text.Contains("Warning"));

    // One click on a suggestion adds it to the plan.
    const std::string suggested = frame->guidancePanel().firstSuggestion();
    BOOST_REQUIRE(!suggested.empty());
    BOOST_TEST(frame->addSuggestedExercise());
    const auto ids = planIds(*frame);
    BOOST_TEST((std::find(ids.begin(), ids.end(), suggested) != ids.end()));
}

BOOST_AUTO_TEST_CASE(reorders_and_undoes_and_redoes_plan_edits)
{
    frame->addPatient(newPatient("Dev Rao", DirectionalPreference::None));
    const std::string a = searchAndAdd(*frame, "press up");
    const std::string b = searchAndAdd(*frame, "bridge");
    const std::string c = searchAndAdd(*frame, "hamstring");

    frame->planPanel().selectIndex(0);
    frame->planPanel().moveSelected(1);
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{b, a, c}));
    BOOST_TEST((frame->planPanel().selectedIndex() == std::optional<std::size_t>(1)));
    frame->planPanel().moveSelected(1);
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{b, c, a}));

    frame->undo();
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{b, a, c}));
    frame->undo();
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{a, b, c}));
    frame->redo();
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{b, a, c}));

    frame->planPanel().selectIndex(2);
    frame->planPanel().removeSelected();
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{b, a}));
    frame->undo();
    BOOST_TEST((planIds(*frame) == std::vector<std::string>{b, a, c}));
}

BOOST_AUTO_TEST_CASE(unsaved_changes_are_settled_before_leaving_the_patient)
{
    const std::int64_t first = frame->addPatient(newPatient("Eva First", DirectionalPreference::None));
    searchAndAdd(*frame, "bridge");
    const std::int64_t second = workspace->store().patients().add(newPatient("Finn Second", DirectionalPreference::None));
    frame->patientList().reload();

    int asked = 0;
    frame->setUnsavedPrompt([&] {
        ++asked;
        return gui::UnsavedChoice::Cancel;
    });
    BOOST_TEST(!frame->selectPatient(second));
    BOOST_TEST(asked == 1);
    BOOST_TEST(frame->currentPatientId() == first);
    BOOST_TEST(frame->patientList().selectedId() == first);
    BOOST_TEST(frame->editor().isDirty());

    frame->setUnsavedPrompt([&] {
        ++asked;
        return gui::UnsavedChoice::Discard;
    });
    BOOST_TEST(frame->selectPatient(second));
    BOOST_TEST(asked == 2);
    BOOST_TEST(frame->currentPatientId() == second);
    BOOST_TEST(workspace->store().plans().listForPatient(first).empty());
}

BOOST_AUTO_TEST_CASE(the_demo_patient_opens_with_its_plan_and_archiving_hides_them)
{
    const std::int64_t id = workspace->addDemoPatient(Date{2026, 11, 24});
    frame->patientList().reload();
    BOOST_REQUIRE(frame->selectPatient(id));
    BOOST_TEST(!frame->editor().isNew());
    BOOST_TEST(frame->editor().draft().items.size() == 6u);
    BOOST_TEST(!frame->editor().isDirty());
    BOOST_TEST(!hasFinding(*frame, "direction.flexion-vs-extension-preference", "lumbar/prone-press-up"));

    frame->setArchived(id, true);
    auto shown = frame->patientList().shownIds();
    BOOST_TEST((std::find(shown.begin(), shown.end(), id) == shown.end()));
    frame->setArchived(id, false);
    shown = frame->patientList().shownIds();
    BOOST_TEST((std::find(shown.begin(), shown.end(), id) != shown.end()));
}

BOOST_AUTO_TEST_CASE(a_new_plan_from_a_template_is_unsaved_work)
{
    frame->addPatient(newPatient("Gus Template", DirectionalPreference::ExtensionRelieves));
    BOOST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Extension bias"));
    BOOST_TEST(frame->editor().isDirty());
    BOOST_TEST(frame->editor().draft().title == "Extension bias");
    BOOST_TEST(frame->editor().draft().items.size() == 6u);
    BOOST_TEST(frame->saveRevision("From template") == 1);
}

BOOST_AUTO_TEST_CASE(the_next_window_shows_the_last_patient)
{
    const std::int64_t id = frame->addPatient(newPatient("Hugo Last", DirectionalPreference::None));
    BOOST_REQUIRE(frame->Close()); // as the window manager asks: saves what it remembers
    pump();
    frame = new gui::MainFrame(*workspace); // the fixture destroys this one
    frame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
    frame->Show();
    pump();
    BOOST_TEST(frame->currentPatientId() == id);
    BOOST_TEST(frame->patientList().selectedId() == id);
}

BOOST_AUTO_TEST_CASE(the_next_window_has_the_same_size_even_with_a_long_plan_open)
{
    // A patient whose plan has long exercise names and dosages: what once made every start
    // a little wider than the last, because the lists asked for all their columns.
    frame->addPatient(newPatient("Ida Size", DirectionalPreference::ExtensionRelieves));
    BOOST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Extension bias"));
    BOOST_TEST(frame->saveRevision("For the size test") == 1);
    frame->SetSize(frame->FromDIP(wxSize(1280, 760)));
    pump();
    const wxSize before = frame->GetSize();
    for (int start = 0; start < 2; ++start) {
        BOOST_REQUIRE(frame->Close());
        pump();
        frame = new gui::MainFrame(*workspace);
        frame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
        frame->Show();
        pump();
        BOOST_TEST(frame->GetSize().x == before.x, "start " << start << ": " << frame->GetSize().x << " vs " << before.x);
        BOOST_TEST(frame->GetSize().y == before.y, "start " << start << ": " << frame->GetSize().y << " vs " << before.y);
    }
}

BOOST_AUTO_TEST_CASE(typing_in_the_catalog_search_filters_as_you_type)
{
    // Real key presses through the X server (XTest), as a clinician types them.
    frame->Raise();
    frame->catalogPanel().focusSearch();
    pump();
    wxUIActionSimulator sim;
    sim.MouseMove(frame->GetScreenPosition() + wxPoint(frame->GetSize().x / 2, frame->GetSize().y / 2));
    sim.Text("bridge");
    const wxStopWatch watch;
    while (watch.Time() < 5000 && frame->catalogPanel().shown().size() != 1u)
        pump();
    BOOST_REQUIRE(frame->catalogPanel().shown().size() == 1u);
    BOOST_TEST(frame->catalogPanel().shown().front()->qualifiedId() == "lumbar/bridge-hold");
}

// The start-up check of the database runs on a thread of its own; these wait for it.
void waitForDatabaseCheck(gui::MainFrame& frame)
{
    wxStopWatch watch;
    while (frame.checkingDatabase() && watch.Time() < 20000)
        wxMilliSleep(10);
    test::FrameFixture::pump();
}

BOOST_AUTO_TEST_CASE(a_sound_database_shows_no_banner)
{
    Patient p;
    p.name = "Ann Lee";
    BOOST_REQUIRE(frame->addPatient(p) != 0);
    frame->checkDatabaseInBackground();
    waitForDatabaseCheck(*frame);
    BOOST_TEST(frame->databaseBannerText().empty(), frame->databaseBannerText());
}

BOOST_AUTO_TEST_CASE(a_database_whose_audit_log_fails_its_check_shows_a_banner_saying_what_to_do)
{
    Patient p;
    p.name = "Ann Lee";
    BOOST_REQUIRE(frame->addPatient(p) != 0);
    // The checkpoint beside the file says entry 1 had another hash: a rewritten log.
    std::ofstream(db.string() + ".chain", std::ios::app) << "1 " << std::string(64, '0') << "\n";
    frame->checkDatabaseInBackground();
    waitForDatabaseCheck(*frame);
    const wxString text = frame->databaseBannerText();
    BOOST_TEST(text.Contains("audit entry 1 does not match its checkpoint"), text);
    BOOST_TEST(text.Contains("backup"), text);
    BOOST_TEST(frame->FindWindow("DatabaseBanner")->IsShown());
}

BOOST_AUTO_TEST_SUITE_END()

// Issue 16, section 2: a plan whose copy of an exercise is not what the installed pack
// says (imported from a file that rewrote bridge-hold's steps) is marked on the item and
// warned about in the guidance panel, before any export.
BOOST_FIXTURE_TEST_SUITE(rewritten_snapshots, FrameFixture)

BOOST_AUTO_TEST_CASE(an_item_whose_copy_differs_from_the_pack_is_marked_and_warned_about)
{
    const std::int64_t patient = frame->addPatient(newPatient("Dee Import", DirectionalPreference::Unknown));
    const Exercise* installed = workspace->catalog().find("lumbar/bridge-hold");
    BOOST_REQUIRE(installed);
    PlanItem item{installed->qualifiedId(), *installed, installed->dosage, ""};
    item.snapshot.steps = {"Lift a 40 kg weight from the floor with a rounded back."};
    PlanRevision first;
    first.reason = "Imported from a file";
    first.items = {item};
    const std::int64_t planId = workspace->store().plans().create(patient, "Imported", first);
    BOOST_REQUIRE(frame->selectPatient(patient));
    BOOST_REQUIRE(frame->openPlan(planId));
    const wxString text = frame->planPanel().itemText(0);
    BOOST_TEST(text.Contains("differs from the installed pack in steps"), text.utf8_string());
    BOOST_TEST(hasFinding(*frame, "plan.snapshot-differs-from-pack", "lumbar/bridge-hold"));
    BOOST_TEST(frame->guidancePanel().text().Contains("the handout prints the plan's text"));
}

BOOST_AUTO_TEST_SUITE_END()
