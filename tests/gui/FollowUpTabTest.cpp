// The Follow-ups tab, its note dialog, the charts and the dashboard of follow-ups due,
// driven as a clinician would: the dialog's controls filled and its OK pressed through a
// test runner in place of the modal loop, list rows clicked through their events.
#include "GuiFixture.h"

#include "db/OpenStore.h"

#include "gui/AdherenceChart.h"
#include "gui/DueFollowUpsPanel.h"
#include "gui/FollowUpPanel.h"
#include "gui/NoteDialog.h"
#include "gui/NoteVersionsDialog.h"
#include "gui/PainChart.h"
#include "gui/PatientListPanel.h"
#include "gui/WxText.h"

#include <boost/test/unit_test.hpp>

#include <wx/checkbox.h>
#include <wx/choice.h>
#include <wx/listctrl.h>
#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/spinctrl.h>
#include <wx/textctrl.h>

#include <stdexcept>

using namespace sp;
using sp::test::FrameFixture;

namespace {

Patient named(const char* name)
{
    Patient p;
    p.name = name;
    p.dateOfBirth = Date{1975, 5, 20};
    return p;
}

FollowUpNote storedNote(std::int64_t patientId, Date visit, int pain, std::optional<Date> due = std::nullopt)
{
    FollowUpNote n;
    n.patientId = patientId;
    n.visitDate = visit;
    n.painNow = pain;
    n.painWorst = std::min(10, pain + 2);
    n.painBest = std::max(0, pain - 2);
    n.sessionsDone = 7 + pain;
    n.sessionsPrescribed = 14;
    n.psfs = {{"Climbing stairs", 3}};
    n.nextDue = due;
    return n;
}

void sendListEvent(wxListCtrl* list, wxEventType type, long row)
{
    list->SetItemState(row, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED, wxLIST_STATE_SELECTED | wxLIST_STATE_FOCUSED);
    wxListEvent event(type, list->GetId());
    event.SetEventObject(list);
    event.m_itemIndex = row;
    list->GetEventHandler()->ProcessEvent(event);
}

// True when some pixel within `radius` of (x, y) is clearly not white: something was drawn.
bool inkNear(const wxImage& image, double x, double y, int radius = 2)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const int px = static_cast<int>(x) + dx, py = static_cast<int>(y) + dy;
            if (px < 0 || py < 0 || px >= image.GetWidth() || py >= image.GetHeight())
                continue;
            if (image.GetRed(px, py) + image.GetGreen(px, py) + image.GetBlue(px, py) < 600)
                return true;
        }
    return false;
}

std::size_t inkPixels(const wxImage& image, int x0, int y0, int x1, int y1)
{
    std::size_t count = 0;
    for (int y = std::max(0, y0); y < std::min(image.GetHeight(), y1); ++y)
        for (int x = std::max(0, x0); x < std::min(image.GetWidth(), x1); ++x)
            count += image.GetRed(x, y) + image.GetGreen(x, y) + image.GetBlue(x, y) < 600 ? 1 : 0;
    return count;
}

struct FollowUpFixture : FrameFixture {
    std::int64_t patientId = 0;
    std::int64_t revisionId = 0;
    Date today = gui::localToday();

    FollowUpFixture()
    {
        patientId = frame->addPatient(named("Nora Visit"));
        BOOST_REQUIRE(frame->newPlanFromTemplate("lumbar-extension-bias", "Low back"));
        BOOST_REQUIRE(frame->saveRevision("First plan") == 1);
        revisionId = workspace->store().plans().revision(frame->editor().planId()).id;
    }
    gui::FollowUpPanel& tab() { return frame->followUpPanel(); }
    std::vector<FollowUpNote> stored() { return workspace->store().notes().listForPatient(patientId); }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(follow_ups, FollowUpFixture)

BOOST_AUTO_TEST_CASE(the_note_dialog_saves_a_note_listed_newest_first)
{
    workspace->store().notes().add(storedNote(patientId, today.plusDays(-21), 6));
    frame->refreshFollowUps();
    BOOST_TEST_REQUIRE(tab().notes().size() == 1u);

    bool ran = false;
    frame->setNoteDialogRunner([&](gui::NoteDialog& d) {
        ran = true;
        BOOST_TEST(!d.amending());
        // A new note starts today, on the open plan's latest revision, with the activities
        // scored last time.
        BOOST_TEST(d.text("visit_date")->GetValue() == gui::wxs(today.toString()));
        BOOST_TEST(d.revisionChoice()->GetSelection() == 1);
        BOOST_TEST_REQUIRE(d.psfsRowCount() == 1u);
        BOOST_TEST(d.psfsActivity(0)->GetValue() == "Climbing stairs");
        d.spin("pain")->SetValue(4);
        d.check("pain_worst")->SetValue(true);
        d.spin("pain_worst")->SetValue(6);
        d.check("pain_best")->SetValue(true);
        d.spin("pain_best")->SetValue(2);
        d.check("adherence")->SetValue(true);
        d.spin("adherence/done")->SetValue(10);
        d.spin("adherence/prescribed")->SetValue(14);
        d.psfsScore(0)->SetValue(5);
        d.addPsfsRow("Putting on socks", 6);
        d.text("subjective")->SetValue("Mornings easier.\nSleeps through.");
        d.text("next_due")->SetValue(gui::wxs(today.plusDays(14).toString()));
        BOOST_TEST(d.pressOk());
        return d.GetReturnCode();
    });
    tab().addNote(); // the Add note… button
    BOOST_TEST_REQUIRE(ran);
    // The Patient menu's "Add follow-up note…" opens the same dialog.
    ran = false;
    const int menuItem = frame->GetMenuBar()->FindMenuItem(_("&Patient"), _("Add &follow-up note…"));
    BOOST_TEST_REQUIRE(menuItem != wxNOT_FOUND);
    frame->setNoteDialogRunner([&](gui::NoteDialog&) {
        ran = true;
        return wxID_CANCEL;
    });
    wxCommandEvent menu(wxEVT_MENU, menuItem);
    frame->GetEventHandler()->ProcessEvent(menu);
    BOOST_TEST(ran);

    const auto notes = stored();
    BOOST_TEST_REQUIRE(notes.size() == 2u);
    const FollowUpNote& n = notes[0];
    BOOST_TEST((n.visitDate == today));
    BOOST_TEST(n.painNow == 4);
    BOOST_TEST((n.painWorst == 6));
    BOOST_TEST((n.painBest == 2));
    BOOST_TEST((n.sessionsDone == 10));
    BOOST_TEST((n.sessionsPrescribed == 14));
    BOOST_TEST((n.psfs == std::vector<PsfsScore>{{"Climbing stairs", 5}, {"Putting on socks", 6}}));
    BOOST_TEST(n.subjective == "Mornings easier.\nSleeps through.");
    BOOST_TEST((n.nextDue == today.plusDays(14)));
    BOOST_TEST((n.revisionId == revisionId));
    BOOST_TEST(n.author == "tester");

    // Listed newest first, selected, on the Follow-ups tab.
    BOOST_TEST_REQUIRE(tab().notes().size() == 2u);
    BOOST_TEST(tab().cellText(0, 0) == gui::wxs(today.toString()));
    BOOST_TEST(tab().cellText(1, 0) == gui::wxs(today.plusDays(-21).toString()));
    BOOST_TEST(tab().cellText(0, 4) == "10/14 (71%)");
    BOOST_TEST(tab().cellText(0, 5) == "Climbing stairs 5, Putting on socks 6");
    BOOST_TEST((tab().selectedNoteId() == n.id));
    BOOST_TEST(frame->tabs().GetCurrentPage() == &tab());
    BOOST_TEST(tab().series().pain.size() == 2u);
}

BOOST_AUTO_TEST_CASE(invalid_input_keeps_the_dialog_open_and_stores_nothing)
{
    int rounds = 0;
    frame->setNoteDialogRunner([&](gui::NoteDialog& d) {
        ++rounds;
        d.spin("pain")->SetValue(5);
        d.check("pain_worst")->SetValue(true);
        d.spin("pain_worst")->SetValue(3); // below the pain now
        d.check("pain_best")->SetValue(true);
        d.spin("pain_best")->SetValue(7);  // above it
        d.text("visit_date")->SetValue("2025-02-30");
        d.text("next_due")->SetValue("next week");
        d.addPsfsRow("", 4);
        d.check("adherence")->SetValue(true);
        d.spin("adherence/done")->SetValue(3);
        d.text("assessment")->SetValue(wxString(wxUniChar('x'), kMaxSoapChars + 1));
        BOOST_TEST(!d.pressOk());
        BOOST_TEST(d.GetReturnCode() != wxID_OK);
        BOOST_TEST(d.messageFor("pain_worst").Contains("lower than the pain now"));
        BOOST_TEST(d.messageFor("pain_best").Contains("higher than the pain now"));
        BOOST_TEST(d.messageFor("visit_date").Contains("not a date"));
        BOOST_TEST(d.messageFor("next_due").Contains("not a date"));
        BOOST_TEST(!d.messageFor("psfs/0/activity").empty());
        BOOST_TEST(!d.messageFor("assessment").empty());
        BOOST_TEST(d.messageFor("pain").empty());

        // A visit in the future, and a next follow-up before the visit.
        d.text("visit_date")->SetValue(gui::wxs(gui::localToday().plusDays(3).toString()));
        BOOST_TEST(d.messageFor("visit_date").Contains("future"));
        d.text("visit_date")->SetValue(gui::wxs(gui::localToday().toString()));
        d.text("next_due")->SetValue(gui::wxs(gui::localToday().plusDays(-1).toString()));
        BOOST_TEST(!d.pressOk());
        BOOST_TEST(d.messageFor("next_due").Contains("before the visit date"));
        BOOST_TEST(d.messageFor("visit_date").empty());

        // Fixing one thing leaves the others standing; removing the empty row clears its message.
        d.removePsfsRow(0);
        BOOST_TEST(d.psfsRowCount() == 0u);
        BOOST_TEST(!d.pressOk());
        return wxID_CANCEL; // the clinician gives up
    });
    BOOST_TEST(!frame->openNoteDialog());
    BOOST_TEST(rounds == 1);
    BOOST_TEST(stored().empty());
    BOOST_TEST(tab().notes().empty());
}

BOOST_AUTO_TEST_CASE(a_refused_save_shows_why_and_keeps_the_dialog_open)
{
    FollowUpNote blank;
    blank.patientId = patientId;
    blank.visitDate = today;
    gui::NoteDialog dialog(frame, "Nora Visit", blank, {{revisionId, "Low back, revision 1"}}, false);
    int calls = 0;
    dialog.setSaver([&](const FollowUpNote&, const std::string&) {
        ++calls;
        throw db::DbError(db::DbErrorKind::Invalid, "invalid", {{"revision", "plan revision 9 is not one of hers"}});
    });
    BOOST_TEST(!dialog.pressOk());
    BOOST_TEST(calls == 1);
    BOOST_TEST(dialog.messageFor("revision").Contains("not one of hers"));
    dialog.setSaver([&](const FollowUpNote&, const std::string&) {
        ++calls;
        throw db::DbError(db::DbErrorKind::Busy, "the database is locked by another program");
    });
    BOOST_TEST(!dialog.pressOk());
    BOOST_TEST(dialog.messageFor("").Contains("locked by another program"));
    dialog.setSaver([&](const FollowUpNote&, const std::string&) { throw std::runtime_error("disk full"); });
    BOOST_TEST(!dialog.pressOk());
    BOOST_TEST(dialog.messageFor("").Contains("disk full"));
    BOOST_TEST(dialog.GetReturnCode() != wxID_OK);
    // At most kMaxPsfsActivities rows.
    for (int i = 0; i < kMaxPsfsActivities + 2; ++i)
        dialog.addPsfsRow(wxString::Format("Activity %d", i), 5);
    BOOST_TEST(dialog.psfsRowCount() == static_cast<std::size_t>(kMaxPsfsActivities));
    BOOST_TEST(dialog.note().psfs.size() == static_cast<std::size_t>(kMaxPsfsActivities));
}

// Someone amended the note while this amendment was open: the first Save is refused and
// says who; the text typed stays in the dialog, and the next Save records it on top.
BOOST_AUTO_TEST_CASE(an_amendment_made_meanwhile_is_named_and_the_typed_one_kept_and_saved_on_top)
{
    const std::int64_t noteId = workspace->store().notes().add(storedNote(patientId, today.plusDays(-7), 5, today.plusDays(7)));
    frame->refreshFollowUps();
    int round = 0;
    frame->setNoteDialogRunner([&](gui::NoteDialog& d) {
        ++round;
        // At the front desk, meanwhile: version 2.
        auto other = db::openClinicStore(db.string(), [] { db::StoreOptions o; o.actor = "pt.okafor"; return o; }());
        FollowUpNote theirs = other->notes().get(noteId);
        theirs.painBest = 2;
        other->notes().amend(theirs, "Best pain added");

        d.spin("pain")->SetValue(3);
        d.text("reason")->SetValue("Pain now was misheard");
        BOOST_TEST(!d.pressOk());
        BOOST_TEST(d.messageFor("").Contains("pt.okafor"), d.messageFor(""));
        BOOST_TEST(d.messageFor("").Contains("Save again"));
        BOOST_TEST(d.spin("pain")->GetValue() == 3); // what was typed is still there
        BOOST_TEST(d.pressOk());
        return d.GetReturnCode();
    });
    sendListEvent(tab().list(), wxEVT_LIST_ITEM_ACTIVATED, 0);
    BOOST_TEST(round == 1);
    const auto versions = workspace->store().notes().versions(noteId);
    BOOST_TEST_REQUIRE(versions.size() == 3u);
    BOOST_TEST(versions[1].writtenBy == "pt.okafor");
    BOOST_TEST(versions[2].note.painNow == 3);
    BOOST_TEST(versions[2].reason == "Pain now was misheard");
}

BOOST_AUTO_TEST_CASE(editing_a_note_keeps_the_version_it_replaces)
{
    const std::int64_t noteId = workspace->store().notes().add(storedNote(patientId, today.plusDays(-7), 5, today.plusDays(7)));
    frame->refreshFollowUps();
    BOOST_TEST(!tab().canShowVersions()); // never amended: one version only
    int round = 0;
    frame->setNoteDialogRunner([&](gui::NoteDialog& d) {
        ++round;
        BOOST_TEST(d.amending());
        BOOST_TEST(d.spin("pain")->GetValue() == 5);
        d.spin("pain")->SetValue(3);
        d.spin("pain_best")->SetValue(1);
        BOOST_TEST(!d.pressOk()); // no reason given yet
        BOOST_TEST(!d.messageFor("reason").empty());
        d.text("reason")->SetValue("Pain now was misheard");
        BOOST_TEST(d.messageFor("reason").empty());
        BOOST_TEST(d.pressOk());
        return d.GetReturnCode();
    });
    // A double-click on the note opens it for amending.
    sendListEvent(tab().list(), wxEVT_LIST_ITEM_ACTIVATED, 0);
    BOOST_TEST(round == 1);

    const auto versions = workspace->store().notes().versions(noteId);
    BOOST_TEST_REQUIRE(versions.size() == 2u);
    BOOST_TEST(versions[0].note.painNow == 5);
    BOOST_TEST(versions[1].note.painNow == 3);
    BOOST_TEST(versions[1].reason == "Pain now was misheard");
    BOOST_TEST(stored().size() == 1u); // amended, not a second note
    BOOST_TEST(tab().cellText(0, 1) == "3");
    BOOST_TEST(tab().cellText(0, 7).Contains("amended"));

    // The versions, from the app: the first as written, the second with why and what changed.
    BOOST_TEST(tab().canShowVersions());
    gui::NoteVersionsDialog history(frame, "Nora Visit", workspace->store().notes().versions(noteId));
    BOOST_TEST_REQUIRE(history.versionCount() == 2u);
    BOOST_TEST(history.shownText().Contains("Version 2"));
    BOOST_TEST(history.shownText().Contains("Why: Pain now was misheard"));
    BOOST_TEST(history.shownText().Contains("Changed from version 1: pain now, best pain"));
    BOOST_TEST(history.shownText().Contains("Pain now: 3"));
    history.showVersion(0);
    BOOST_TEST(history.shownText().Contains("Pain now: 5"));
    BOOST_TEST(!history.shownText().Contains("Changed from"));
    history.showVersion(7); // no such version: nothing changes, nothing breaks
    BOOST_TEST(history.shownText().Contains("Pain now: 5"));

    // Cancelling an amendment changes nothing.
    frame->setNoteDialogRunner([](gui::NoteDialog& d) {
        d.spin("pain")->SetValue(9);
        return wxID_CANCEL;
    });
    BOOST_TEST(!frame->openNoteDialog(noteId));
    BOOST_TEST(workspace->store().notes().versions(noteId).size() == 2u);
    BOOST_TEST(workspace->store().notes().get(noteId).painNow == 3);
}

BOOST_AUTO_TEST_CASE(the_charts_draw_with_zero_one_and_twenty_notes)
{
    const wxSize size(620, 300);
    gui::PainChart& pain = tab().painChart();
    gui::AdherenceChart& adherence = tab().adherenceChart();

    // No notes: the message, centred, and no axes.
    gui::PainChartLayout layout = pain.layoutAt(size);
    BOOST_TEST(layout.message == "No follow-up notes yet");
    wxImage image = pain.renderBitmap(size).ConvertToImage();
    BOOST_TEST(inkPixels(image, 200, 130, 420, 170) > 20u);
    BOOST_TEST(inkPixels(image, 0, 0, 620, 100) == 0u);
    BOOST_TEST(adherence.layoutAt(size).message == "No follow-up notes yet");

    // One note: one point in the middle, drawn.
    workspace->store().notes().add(storedNote(patientId, today, 4));
    frame->refreshFollowUps();
    layout = pain.layoutAt(size);
    BOOST_TEST(layout.message.empty());
    BOOST_TEST_REQUIRE(layout.now.size() == 1u);
    BOOST_TEST(layout.worst.size() == 1u);
    BOOST_TEST(layout.xTicks.size() == 1u);
    BOOST_TEST(layout.yTicks.size() == 6u);
    BOOST_TEST(layout.revisions.size() == 1u); // the plan's first revision, today
    image = pain.renderBitmap(size).ConvertToImage();
    BOOST_TEST(inkNear(image, layout.now[0].x, layout.now[0].y));
    BOOST_TEST(inkNear(image, layout.worst[0].x, layout.worst[0].y));
    // Left of the single visit the plot is empty: the point is drawn, not the whole area.
    double clearFrom = layout.plot.x + 4;
    for (const gui::RevisionLine& line : layout.revisions)
        if (line.x < layout.now[0].x - 20)
            clearFrom = std::max(clearFrom, line.x + 4); // the plan revision, if saved a day earlier (UTC)
    BOOST_TEST(inkPixels(image, int(clearFrom), int(layout.plot.y) + 4, int(layout.now[0].x) - 20,
                         int(layout.plot.bottom()) - 4) == 0u);
    BOOST_TEST(adherence.layoutAt(size).bars.size() == 1u);

    // Twenty notes over forty weeks and a second revision: every point, thinned dates.
    for (int i = 1; i < 20; ++i)
        workspace->store().notes().add(storedNote(patientId, today.plusDays(-14 * i), i % 8));
    frame->editor().removeItem(0);
    BOOST_REQUIRE(frame->saveRevision("Progressing") == 2);
    frame->refreshFollowUps();
    layout = pain.layoutAt(size);
    BOOST_TEST_REQUIRE(layout.now.size() == 20u);
    BOOST_TEST(layout.xTicks.size() > 2u);
    BOOST_TEST(layout.xTicks.size() < 20u);
    for (std::size_t i = 1; i < layout.xTicks.size(); ++i)
        BOOST_TEST(layout.xTicks[i].at - layout.xTicks[i - 1].at > 40.0);
    BOOST_TEST(layout.xTicks.back().at == layout.now.back().x); // the latest visit keeps its date
    BOOST_TEST(layout.revisions.size() == 2u);
    image = pain.renderBitmap(size).ConvertToImage();
    for (const gui::ChartPoint& p : layout.now) {
        BOOST_TEST(layout.plot.contains(p.x, p.y));
        BOOST_TEST(inkNear(image, p.x, p.y));
    }
    const gui::AdherenceChartLayout bars = adherence.layoutAt(size);
    BOOST_TEST_REQUIRE(bars.bars.size() == 20u);
    image = adherence.renderBitmap(size).ConvertToImage();
    for (const gui::AdherenceBar& bar : bars.bars) {
        BOOST_TEST(bar.box.height > 6.0);
        BOOST_TEST(inkNear(image, bar.box.x + bar.box.width / 2, bar.box.y + bar.box.height / 2, 1));
    }
    // Between the bars, above the tallest, the plot is blank (the grid is too light to count).
    double tallest = bars.plot.bottom();
    for (const gui::AdherenceBar& bar : bars.bars)
        tallest = std::min(tallest, bar.box.y);
    BOOST_TEST(inkPixels(image, int(bars.bars[0].box.right()) + 2, int(bars.plot.y) + 2, int(bars.bars[1].box.x) - 2,
                         int(tallest) - 20) == 0u);
}

BOOST_AUTO_TEST_CASE(the_dashboard_lists_overdue_patients_and_a_click_opens_them)
{
    const std::int64_t late = frame->addPatient(named("Olga Late"));
    const std::int64_t soon = frame->addPatient(named("Pete Soon"));
    const std::int64_t later = frame->addPatient(named("Quinn Later"));
    const std::int64_t archived = frame->addPatient(named("Rita Archived"));
    auto& notes = workspace->store().notes();
    notes.add(storedNote(late, today.plusDays(-17), 5, today.plusDays(-3)));
    notes.add(storedNote(soon, today.plusDays(-10), 4, today.plusDays(2)));
    notes.add(storedNote(later, today.plusDays(-2), 3, today.plusDays(30)));
    notes.add(storedNote(archived, today.plusDays(-20), 3, today.plusDays(-6)));
    frame->setArchived(archived, true);
    frame->selectPatient(patientId);
    frame->refreshFollowUps();

    gui::DueFollowUpsPanel& due = frame->duePanel();
    const std::vector<std::int64_t> rows = due.rowPatients();
    BOOST_TEST_REQUIRE(rows.size() == 4u); // "Overdue", Olga, "This week", Pete
    BOOST_TEST(rows[0] == 0);
    BOOST_TEST(due.rowText(0, 0) == "Overdue (1)");
    BOOST_TEST(due.rowText(2, 0) == "This week (1)");
    BOOST_TEST(rows[1] == late);
    BOOST_TEST(due.rowText(1, 1) == "3 days overdue");
    BOOST_TEST(rows[3] == soon);
    BOOST_TEST(due.summary().overdue.size() == 1u);
    BOOST_TEST(due.summary().thisWeek.size() == 1u);
    // The status bar says what the dashboard says.
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(1) == "1 overdue, 1 later this week");

    // A click on a heading opens nobody; on Olga, her Follow-ups tab.
    sendListEvent(due.list(), wxEVT_LIST_ITEM_SELECTED, 0);
    BOOST_TEST(frame->currentPatientId() == patientId);
    sendListEvent(due.list(), wxEVT_LIST_ITEM_SELECTED, 1);
    BOOST_TEST(frame->currentPatientId() == late);
    BOOST_TEST(frame->patientList().selectedId() == late);
    BOOST_TEST(frame->tabs().GetCurrentPage() == &tab());
    BOOST_TEST(tab().patientId() == late);
    // Enter on Pete opens him.
    sendListEvent(frame->duePanel().list(), wxEVT_LIST_ITEM_ACTIVATED, 3);
    BOOST_TEST(frame->currentPatientId() == soon);

    // Olga's new note asks for a visit in a month: she leaves the dashboard, the status follows.
    frame->openFollowUps(late);
    frame->setNoteDialogRunner([&](gui::NoteDialog& d) {
        d.spin("pain")->SetValue(3);
        d.text("next_due")->SetValue(gui::wxs(today.plusDays(28).toString()));
        d.pressOk();
        return d.GetReturnCode();
    });
    BOOST_TEST(frame->openNoteDialog());
    BOOST_TEST(frame->duePanel().summary().overdue.empty());
    BOOST_TEST(frame->GetStatusBar()->GetStatusText(1) == "1 this week");
}

BOOST_AUTO_TEST_SUITE_END()
