// Locking the workstation on a clinic database file: Ctrl+L and the idle lock hide every
// patient detail (the window's contents and title; a screenshot of the screen shows none),
// only the password of this computer's account unlocks it (checked by the real PAM
// library, with a service of the test's own), and everything being edited survives.
// The same on a clinic server, where the server checks the signed-in person's password,
// is in DatabaseTest.cpp.
#include "GuiFixture.h"

#include "gui/AppSettings.h"
#include "gui/CatalogPanel.h"
#include "gui/LockScreen.h"
#include "gui/NoteDialog.h"
#include "gui/PatientHeader.h"
#include "gui/PatientListPanel.h"
#include "gui/WxText.h"
#include "osauth/OsPassword.h"
#include "support/PamTestService.h"

#include <boost/test/unit_test.hpp>

#include <wx/image.h>
#include <wx/textctrl.h>
#include <wx/uiaction.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <set>

using namespace sp;
using namespace std::chrono_literals;
using sp::test::FrameFixture;
using sp::test::PamTestService;

namespace {

constexpr const char* kPassword = "right horse";

// What is on the screen in `area`, as the X server has it (ImageMagick's `import`, as the
// docs' screenshots are taken; wxScreenDC on GTK 3 can return what was drawn earlier).
wxImage grab(const wxRect& area)
{
    const std::string file = (std::filesystem::path(std::getenv("HOME")) / "screen.png").string();
    const std::string command = "import -window root '" + file + "'";
    BOOST_REQUIRE(std::system(command.c_str()) == 0);
    wxImage screen;
    BOOST_REQUIRE(screen.LoadFile(file, wxBITMAP_TYPE_PNG));
    std::filesystem::remove(file);
    return screen.GetSubImage(area);
}

// The distinct colours of `image` outside `hole` (coordinates relative to the image).
std::size_t coloursOutside(const wxImage& image, const wxRect& hole)
{
    std::set<unsigned long> colours;
    for (int y = 0; y < image.GetHeight(); ++y)
        for (int x = 0; x < image.GetWidth(); ++x)
            if (!hole.Contains(x, y))
                colours.insert((static_cast<unsigned long>(image.GetRed(x, y)) << 16) |
                               (static_cast<unsigned long>(image.GetGreen(x, y)) << 8) | image.GetBlue(x, y));
    return colours.size();
}

// Lets the X server draw what was shown.
void settle()
{
    for (int i = 0; i < 10; ++i) {
        FrameFixture::pump();
        wxMilliSleep(30);
    }
}

struct LockFixture : FrameFixture {
    PamTestService pam{kPassword};
    std::int64_t patientId = 0;
    bool ran = false;

    LockFixture()
    {
        frame->setPasswordService({PamTestService::kName, pam.confDir()});
        frame->SetPosition(wxPoint(0, 0));
        frame->SetSize(wxSize(1100, 700));
        Patient p;
        p.name = "Zofia Quantrill";
        p.phone = "555 0142";
        patientId = frame->addPatient(p);
        BOOST_REQUIRE(patientId > 0);
        settle();
    }
    ~LockFixture() { gui::writeConfig(gui::cfg::kLockMinutes, 10L); }

    // What every locked state must hold: nothing of the patient anywhere.
    void expectNothingShown(gui::LockScreen& screen)
    {
        BOOST_TEST(frame->locked());
        BOOST_TEST(!frame->GetTitle().Contains("Quantrill"), frame->GetTitle());
        BOOST_TEST(frame->GetTitle().Contains("locked"), frame->GetTitle());
        for (wxWindow* child : frame->GetChildren())
            if (!child->IsTopLevel())
                BOOST_TEST(!child->IsShown(), child->GetName());
        BOOST_TEST(!screen.text().Contains("Quantrill"), screen.text());
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(locking, LockFixture)

BOOST_AUTO_TEST_CASE(ctrl_l_locks_and_only_the_accounts_password_unlocks)
{
    BOOST_TEST(frame->GetTitle().Contains("Quantrill"));
    frame->setLockRunner([&](gui::LockScreen& screen) {
        ran = true;
        expectNothingShown(screen);
        BOOST_TEST(screen.text().Contains(gui::wxs(osauth::currentLogin())), screen.text());
        // A wrong password, an empty one, the right one with a space: still locked.
        for (const char* wrong : {"wrong horse", "", "right horse "}) {
            BOOST_TEST(!screen.tryUnlock(gui::wxs(wrong)), wrong);
            BOOST_TEST(!screen.problem().empty());
            expectNothingShown(screen);
        }
        BOOST_TEST(screen.problem().Contains("not the password of"), screen.problem());
        BOOST_TEST(screen.tryUnlock(kPassword));
    });
    // The shortcut, typed while the patient search box has the focus.
    frame->Raise();
    frame->patientList().focusSearch();
    settle();
    wxUIActionSimulator keys;
    keys.Char('L', wxMOD_CONTROL);
    for (int i = 0; i < 50 && !ran; ++i)
        settle();
    BOOST_TEST_REQUIRE(ran);
    BOOST_TEST(!frame->locked());
    BOOST_TEST(frame->GetTitle().Contains("Quantrill"), frame->GetTitle());
    BOOST_TEST(frame->header().IsShownOnScreen());
    BOOST_TEST(frame->GetStatusBar()->IsShown());
    BOOST_TEST(frame->currentPatientId() == patientId);
}

BOOST_AUTO_TEST_CASE(after_the_idle_minutes_a_screenshot_shows_no_patient_data)
{
    gui::writeConfig(gui::cfg::kLockMinutes, 3L);
    auto now = std::chrono::steady_clock::now();
    frame->setIdleClock([&] { return now; });
    // The window below its menu bar (which names no patient and stays).
    const wxRect area(frame->ClientToScreen(wxPoint(0, 0)), frame->GetClientSize());
    // Unlocked, the window is full of text: many colours.
    BOOST_TEST(coloursOutside(grab(area), wxRect()) > 40u);

    frame->setLockRunner([&](gui::LockScreen& screen) {
        ran = true;
        expectNothingShown(screen);
        screen.Show();
        settle();
        wxRect hole = screen.GetScreenRect();
        hole.Offset(-area.x, -area.y);
        hole.Inflate(2); // the lock screen's edge
        const wxImage shot = grab(area);
        // Around the lock screen: the bare window, one colour or two, no text at all.
        BOOST_TEST(coloursOutside(shot, hole) <= 3u);
        BOOST_TEST(!screen.tryUnlock("not it"));
        BOOST_TEST(screen.tryUnlock(kPassword));
    });
    now += 2min + 59s;
    frame->checkIdle();
    BOOST_TEST(!ran);
    // A key press counts as use: the next three minutes start from it.
    wxKeyEvent key(wxEVT_KEY_DOWN);
    key.SetEventObject(frame);
    frame->GetEventHandler()->ProcessEvent(key);
    now += 2min + 59s;
    frame->checkIdle();
    BOOST_TEST(!ran);
    now += 1s;
    frame->checkIdle();
    BOOST_TEST_REQUIRE(ran);
    BOOST_TEST(!frame->locked());
    settle();
    BOOST_TEST(coloursOutside(grab(area), wxRect()) > 40u);
    // Unlocking counts as use too.
    ran = false;
    now += 2min;
    frame->checkIdle();
    BOOST_TEST(!ran);
}

BOOST_AUTO_TEST_CASE(a_note_being_typed_and_an_unsaved_plan_survive_lock_and_unlock)
{
    frame->catalogPanel().setSearch("bridge");
    BOOST_REQUIRE(!frame->catalogPanel().shown().empty());
    BOOST_REQUIRE(frame->addExercise(frame->catalogPanel().shown().front()->qualifiedId()));
    BOOST_REQUIRE(frame->editor().isDirty());
    const std::size_t items = frame->editor().draft().items.size();

    frame->setNoteDialogRunner([&](gui::NoteDialog& note) {
        note.Show();
        note.text("subjective")->SetValue("Walked to work twice; stiff mornings.");
        settle();
        frame->setLockRunner([&](gui::LockScreen& screen) {
            ran = true;
            expectNothingShown(screen);
            // The note's dialog is covered too: its title and fields are hidden.
            BOOST_TEST(!note.text("subjective")->IsShownOnScreen());
            BOOST_TEST(note.GetTitle().Contains("locked"), note.GetTitle());
            BOOST_TEST(!screen.tryUnlock("guess"));
            BOOST_TEST(screen.tryUnlock(kPassword));
        });
        frame->lock();
        BOOST_TEST(note.text("subjective")->IsShownOnScreen());
        BOOST_TEST(!note.GetTitle().Contains("locked"));
        BOOST_TEST(note.text("subjective")->GetValue() == "Walked to work twice; stiff mornings.");
        BOOST_TEST(note.pressOk());
        return note.GetReturnCode();
    });
    BOOST_TEST(frame->openNoteDialog());
    BOOST_TEST(ran);
    const auto notes = workspace->store().notes().listForPatient(patientId);
    BOOST_TEST_REQUIRE(notes.size() == 1u);
    BOOST_TEST(notes[0].subjective == "Walked to work twice; stiff mornings.");
    BOOST_TEST(frame->editor().isDirty());
    BOOST_TEST(frame->editor().draft().items.size() == items);
}

BOOST_AUTO_TEST_CASE(the_lock_screen_cannot_be_closed_or_escaped)
{
    gui::LockScreen screen(frame, "someone", false, [](const std::string&) { return UnlockResult{false, "no"}; });
    screen.Show();
    settle();
    BOOST_TEST(!screen.Close()); // vetoed
    BOOST_TEST(screen.IsShown());
    BOOST_TEST(screen.GetEscapeId() == wxID_NONE);
    BOOST_TEST(!screen.tryUnlock("anything"));
    BOOST_TEST(screen.problem() == "no");
    BOOST_TEST(!screen.unlocked());
}

BOOST_AUTO_TEST_SUITE_END()
