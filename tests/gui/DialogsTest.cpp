#include "GuiFixture.h"

#include "core/PlanDiff.h"
#include "gui/ClinicDialog.h"
#include "gui/HistoryDialog.h"
#include "gui/PatientDialog.h"
#include "gui/ScreeningDialog.h"

#include <boost/test/unit_test.hpp>

#include <wx/statusbr.h>
#include <wx/textctrl.h>

using namespace sp;
using sp::test::FrameFixture;

namespace {

Patient named(const char* name)
{
    Patient p;
    p.name = name;
    return p;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(dialogs, FrameFixture)

BOOST_AUTO_TEST_CASE(the_patient_editor_shows_validation_messages_as_you_type)
{
    gui::PatientDialog dialog(frame, Patient{});
    BOOST_TEST(!dialog.validateNow());
    BOOST_TEST(!dialog.messageFor("name").empty());
    dialog.field("name")->SetValue("Hana Ito");
    BOOST_TEST(dialog.messageFor("name").empty());
    BOOST_TEST(dialog.validateNow());
    dialog.field("email")->SetValue("not an address");
    BOOST_TEST(!dialog.messageFor("email").empty());
    BOOST_TEST(!dialog.FindWindow(wxID_OK)->IsEnabled());
    dialog.field("email")->SetValue("hana@example.org");
    dialog.field("date_of_birth")->SetValue("1990-02-30");
    BOOST_TEST(!dialog.messageFor("date_of_birth").empty());
    dialog.field("date_of_birth")->SetValue("1990-02-28");
    BOOST_TEST(dialog.validateNow());
    const Patient p = dialog.patient();
    BOOST_TEST(p.name == "Hana Ito");
    BOOST_TEST((p.dateOfBirth == Date{1990, 2, 28}));
}

BOOST_AUTO_TEST_CASE(the_patient_editor_for_reception_shows_contact_fields_only)
{
    Patient base = named("Hana Ito");
    base.id = 7;
    base.notes = "Clinical words reception must not see.";
    base.preference = DirectionalPreference::FlexionRelieves;
    gui::PatientDialog dialog(frame, base, true);
    BOOST_TEST(dialog.field("notes") == nullptr);
    BOOST_TEST(dialog.field("phone") != nullptr);
    dialog.field("phone")->SetValue("555 0101");
    const Patient p = dialog.patient();
    BOOST_TEST(p.phone == "555 0101");
    // What it does not show, it leaves as it was.
    BOOST_TEST(p.notes == base.notes);
    BOOST_TEST((p.preference == DirectionalPreference::FlexionRelieves));
    // And nothing on the dialog carries the hidden text.
    wxWindowList all = dialog.GetChildren();
    for (wxWindow* child : all)
        BOOST_TEST(!child->GetLabel().Contains("Clinical words"));
}

BOOST_AUTO_TEST_CASE(the_first_start_on_a_file_asks_once_for_the_name_on_handouts)
{
    std::vector<wxString> problems;
    const std::vector<std::string> answers{"   ", std::string(121, 'x'), "Sam Lee, physiotherapist"};
    frame->setHandoutNamePrompt([&](const wxString& problem) -> std::optional<std::string> {
        problems.push_back(problem);
        return answers.at(problems.size() - 1);
    });
    BOOST_TEST(workspace->needsHandoutName());
    frame->welcome(false);
    BOOST_TEST_REQUIRE(problems.size() == 3u);
    BOOST_TEST(problems[0].empty());
    BOOST_TEST(problems[1].Contains("Type the name"), problems[1]);
    BOOST_TEST(problems[2].Contains("120"), problems[2]);
    BOOST_TEST(workspace->store().clinic().get()->clinician == "Sam Lee, physiotherapist");
    BOOST_TEST(frame->GetStatusBar()->GetStatusText().Contains("Sam Lee"));
    // Answered: never asked again.
    frame->welcome(false);
    BOOST_TEST(problems.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_clinician_who_cancels_the_name_question_is_not_asked_at_every_start)
{
    int asked = 0;
    frame->setHandoutNamePrompt([&](const wxString&) -> std::optional<std::string> {
        ++asked;
        return std::nullopt;
    });
    frame->welcome(false);
    frame->welcome(false);
    BOOST_TEST(asked == 1);
    BOOST_TEST(workspace->needsHandoutName());
    BOOST_TEST(!workspace->store().clinic().get().has_value()); // nothing written
}

BOOST_AUTO_TEST_CASE(the_screening_checklist_asks_every_red_flag_and_records_a_dated_screening)
{
    const std::int64_t id = frame->addPatient(named("Ivo Screen"));
    const auto flags = redFlags(workspace->catalog());
    BOOST_REQUIRE(!flags.empty());
    gui::ScreeningDialog dialog(frame, *frame->currentPatient(), flags);
    dialog.setPresent(1, true);
    const RedFlagScreening s = dialog.screening();
    BOOST_TEST(s.answers.size() == flags.size());
    BOOST_TEST(s.anyPresent());
    BOOST_REQUIRE(frame->recordScreening(s));
    const Patient stored = workspace->store().patients().get(id);
    BOOST_REQUIRE(stored.screening.has_value());
    BOOST_TEST(stored.screening->answers[1].present);
    bool blocked = false;
    for (const Finding& f : workspace->check(frame->editor(), id, s.date))
        blocked = blocked || f.code == "redflag.present";
    BOOST_TEST(blocked);
}

BOOST_AUTO_TEST_CASE(the_clinic_dialog_validates_and_previews_the_logo)
{
    gui::ClinicDialog dialog(frame, workspace->clinicProfile(), true);
    BOOST_TEST(dialog.validateNow());
    BOOST_TEST(!dialog.setLogoFile(SP_TEST_DATA_DIR "/outside.json"));
    const std::filesystem::path png = std::filesystem::path(SP_SOURCE_DIR) / "templates/branding/demo/logo.png";
    if (std::filesystem::exists(png))
        BOOST_TEST(dialog.setLogoFile(png.string()));
    ClinicProfile profile = dialog.profile();
    BOOST_TEST(validate(profile).empty());
    // The demo's branding saved as it is, with only a name for handouts: still the demo's.
    profile.clinician = "Sam Lee";
    workspace->store().clinic().set(profile);
    BOOST_TEST(!workspace->hasOwnClinicProfile());
    // The dialog shows that name; a branding of the clinic's own is its own.
    gui::ClinicDialog again(frame, workspace->clinicProfile(), !workspace->hasOwnClinicProfile());
    BOOST_TEST(again.profile().clinician == "Sam Lee");
    profile.name = "Hillside Physio";
    workspace->store().clinic().set(profile);
    BOOST_TEST(workspace->hasOwnClinicProfile());
}

BOOST_AUTO_TEST_CASE(the_history_shows_what_a_revision_changed)
{
    frame->addPatient(named("Jon History"));
    BOOST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Extension bias"));
    BOOST_REQUIRE(frame->saveRevision("First plan") == 1);
    frame->editor().removeItem(0);
    BOOST_REQUIRE(frame->saveRevision("Less pain") == 2);
    gui::HistoryDialog dialog(frame, workspace->store(), workspace->store().plans().get(frame->editor().planId()));
    dialog.showRevision(2);
    BOOST_TEST(dialog.diffText().Contains("Removed"));
    BOOST_TEST(dialog.diffText().Contains("Prone press-up"));
    BOOST_TEST(dialog.diffText().Contains("Less pain"));
}

BOOST_AUTO_TEST_SUITE_END()
