// The Handout tab: the preview shows exactly the PDF's pages (also after a switch, off the
// UI thread); saving, printing and e-mailing make that PDF, stop at a guidance blocker
// unless a reason is typed, and are written to the handout log; bad input and failures
// are said and leave nothing logged. No modal dialog: the prompts are answered here.
#include "GuiFixture.h"

#include "../mail/SmtpFixture.h"

#include "core/JsonText.h"
#include "gui/HandoutPanel.h"
#include "gui/HandoutPreview.h"
#include "gui/PatientListPanel.h"
#include "gui/WxText.h"
#include "hash/Sha256.h"
#include "mail/MailSettings.h"
#include "preview/PdfPages.h"

#include <boost/test/unit_test.hpp>

#include <wx/menu.h>
#include <wx/notebook.h>
#include <wx/print.h>
#include <wx/stopwatch.h>
#include <wx/utils.h>

#include <algorithm>
#include <map>
#include <cstdlib>
#include <fstream>

using namespace sp;
using namespace sp::test;
namespace fs = std::filesystem;
using sp::gui::wxs;

namespace {

// Waits for the worker threads' results, pumping events. The bound only keeps a broken
// build from hanging the test run; nothing is asserted about how long anything takes.
template <class Done> bool pumpUntil(Done done)
{
    const wxStopWatch watch;
    while (!done()) {
        if (watch.Time() > 120000)
            return false;
        FrameFixture::pump();
        wxMilliSleep(5);
    }
    return true;
}

struct HandoutFixture : FrameFixture {
    std::vector<std::pair<wxString, wxString>> errors;
    std::vector<std::vector<Finding>> blockersAsked;
    std::optional<std::string> overrideAnswer; // what the blocker dialog is answered with
    std::optional<wxString> savePathAnswer;
    wxString suggestedName;
    std::vector<gui::MailAnswers> mailProposed;
    std::optional<std::string> mailTo; // what the clinician types over the patient's address
    std::vector<std::pair<wxString, wxString>> mailFailures;
    fs::path settings = folder / "settings.json";

    HandoutFixture()
    {
        gui::HandoutPrompts p;
        p.savePath = [this](const wxString& defaultName) {
            suggestedName = defaultName;
            return savePathAnswer;
        };
        p.overrideReason = [this](const wxString&, const std::vector<Finding>& blockers) {
            blockersAsked.push_back(blockers);
            return overrideAnswer;
        };
        p.mail = [this](const gui::MailAnswers& proposed, const wxString&, const wxString&) {
            mailProposed.push_back(proposed);
            gui::MailAnswers edited = proposed;
            edited.body += "\nSee you soon.\n";
            if (mailTo)
                edited.to = *mailTo;
            return std::optional<gui::MailAnswers>(edited);
        };
        p.password = [](const wxString&) { return std::optional<std::string>(); };
        p.error = [this](const wxString& doing, const wxString& why) { errors.emplace_back(doing, why); };
        p.mailFailed = [this](const wxString& why, const wxString& kept) { mailFailures.emplace_back(why, kept); };
        p.printDialog = false;
        panel().setPrompts(std::move(p));
        ::setenv("SP_SETTINGS_FILE", settings.c_str(), 1);
    }
    ~HandoutFixture() { ::unsetenv("SP_SETTINGS_FILE"); }

    gui::HandoutPanel& panel() { return frame->handoutPanel(); }

    // The demo patient (screened, with a saved plan), shown on the Handout tab.
    std::int64_t demoOnTab()
    {
        const std::int64_t id = workspace->addDemoPatient(gui::localToday());
        frame->patientList().reload();
        BOOST_REQUIRE(frame->selectPatient(id));
        return showTab();
    }

    std::int64_t showTab()
    {
        frame->showHandout();
        BOOST_REQUIRE(pumpUntil([&] { return !panel().isRendering(); }));
        return frame->currentPatientId();
    }

    std::vector<HandoutRecord> logged() { return workspace->store().handouts().listForPatient(frame->currentPatientId()); }

    std::size_t overrides()
    {
        const auto entries = workspace->store().audit().list({});
        return static_cast<std::size_t>(
            std::count_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == "override"; }));
    }

    int savedPageCount(const fs::path& file)
    {
        savePathAnswer = wxs(file.string());
        BOOST_REQUIRE(panel().savePdf());
        return PdfPages(slurp(file)).pageCount();
    }

    static std::string slurp(const fs::path& file) { return readWhole(file); }

    void configureMail(int port)
    {
        mail::MailSettings s;
        s.host = "127.0.0.1";
        s.port = port;
        s.security = mail::MailSecurity::Plain;
        s.fromAddress = "info@riverside.example.org";
        s.fromName = "Riverside Physiotherapy";
        s.connectTimeout_s = 5;
        s.transferTimeout_s = 20;
        std::ofstream(settings) << Json{{"mail", mail::toJson(s)}}.dump();
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(handout_tab, HandoutFixture)

BOOST_AUTO_TEST_CASE(the_preview_has_the_pdfs_pages_also_in_large_print)
{
    demoOnTab();
    BOOST_TEST(panel().stateText().Contains("Revision 1"), panel().stateText());
    const int pages = panel().pageCount();
    BOOST_TEST(pages >= 1);
    BOOST_TEST(pages == savedPageCount(folder / "normal.pdf"));
    BOOST_TEST(panel().pageText() == wxString::Format("Page 1 of %d", pages));
    BOOST_TEST(panel().preview().hasPage());

    panel().setLargePrint(true);
    BOOST_TEST(panel().isRendering()); // the switch does not wait for the worker
    BOOST_REQUIRE(pumpUntil([&] { return !panel().isRendering(); }));
    const int large = panel().pageCount();
    BOOST_TEST(large > pages);
    BOOST_TEST(large == savedPageCount(folder / "large.pdf"));

    panel().showPage(large - 1);
    BOOST_TEST(panel().currentPage() == large - 1);
    BOOST_TEST(panel().pageText() == wxString::Format("Page %d of %d", large, large));
    panel().showPage(large); // past the end: stays
    BOOST_TEST(panel().currentPage() == large - 1);
}

BOOST_AUTO_TEST_CASE(reloading_the_catalog_renders_the_handout_again)
{
    // Tools → Plugins → Reload, or a saved clinic exercise: the packs' texts and figures
    // may have changed, so the preview must not keep showing the old ones.
    demoOnTab();
    const int pages = panel().pageCount();
    BOOST_TEST_REQUIRE(!panel().isRendering());
    BOOST_TEST_REQUIRE(frame->reloadCatalog());
    BOOST_TEST(panel().isRendering());
    BOOST_REQUIRE(pumpUntil([&] { return !panel().isRendering(); }));
    BOOST_TEST(panel().pageCount() == pages);
}

BOOST_AUTO_TEST_CASE(quick_switches_show_only_the_last_one)
{
    demoOnTab();
    panel().setLargePrint(true);
    panel().setPaper("letter");
    panel().setTemplate("compact");
    panel().setLargePrint(false);
    BOOST_REQUIRE(pumpUntil([&] { return !panel().isRendering(); }));
    BOOST_TEST(panel().options().templateName == "compact");
    const int pages = panel().pageCount();
    BOOST_TEST(pages == savedPageCount(folder / "compact-letter.pdf"));
    const PdfPages saved(slurp(folder / "compact-letter.pdf"));
    BOOST_TEST(saved.pageSize(0).width == 612.0, boost::test_tools::tolerance(0.5)); // Letter
}

// The busy gauge's pulse timer belongs to the tab: a window closed while a handout renders
// leaves no timer behind to fire into it (it did, and crashed the next event loop).
BOOST_AUTO_TEST_CASE(closing_the_window_while_a_handout_renders_leaves_no_timer_behind)
{
    demoOnTab();
    panel().setLargePrint(true);
    BOOST_REQUIRE(panel().isRendering());
    frame->Destroy();
    pump();
    const wxStopWatch watch;
    while (watch.Time() < 500) {
        wxYield();
        wxMilliSleep(20);
    }
    frame = new gui::MainFrame(*workspace); // for the fixture to close
    frame->setUnsavedPrompt([] { return gui::UnsavedChoice::Discard; });
    BOOST_TEST(frame->handoutPanel().pageCount() == 0);
}

BOOST_AUTO_TEST_CASE(zoom_fits_the_width_or_the_page_and_steps)
{
    demoOnTab();
    auto& preview = panel().preview();
    BOOST_TEST((preview.zoomMode() == gui::ZoomMode::FitWidth));
    const int fitWidth = preview.zoomPercent();
    preview.setZoomMode(gui::ZoomMode::FitPage);
    BOOST_TEST(preview.zoomPercent() < fitWidth); // the page is taller than wide
    const int fitPage = preview.zoomPercent();
    preview.zoomBy(1);
    BOOST_TEST((preview.zoomMode() == gui::ZoomMode::Fixed));
    BOOST_TEST(preview.zoomPercent() > fitPage);
    for (int i = 0; i < 30; ++i)
        preview.zoomBy(1);
    BOOST_TEST(preview.zoomPercent() == 400);
    for (int i = 0; i < 30; ++i)
        preview.zoomBy(-1);
    BOOST_TEST(preview.zoomPercent() == 25);
}

BOOST_AUTO_TEST_CASE(an_unsaved_plan_has_no_handout_and_unsaved_changes_are_said)
{
    Patient p;
    p.name = "Ben Ortiz";
    const std::int64_t id = frame->addPatient(p);
    BOOST_REQUIRE(id > 0);
    showTab();
    BOOST_TEST(panel().stateText().Contains("not been saved"), panel().stateText());
    BOOST_TEST(!panel().canHandOut());
    savePathAnswer = wxs((folder / "never.pdf").string());
    BOOST_TEST(!panel().savePdf());
    BOOST_TEST(!fs::exists(folder / "never.pdf"));

    BOOST_REQUIRE(frame->addExercise("lumbar/prone-press-up"));
    BOOST_REQUIRE(frame->saveRevision("First plan") == 1);
    BOOST_REQUIRE(pumpUntil([&] { return !panel().isRendering(); }));
    BOOST_TEST(panel().pageCount() >= 1);
    BOOST_TEST(!panel().stateText().Lower().Contains("unsaved"));
    BOOST_REQUIRE(frame->addExercise("lumbar/bridge-hold"));
    BOOST_TEST(panel().stateText().Lower().Contains("unsaved changes"), panel().stateText());
    BOOST_TEST(panel().canHandOut()); // the saved revision still can be
}

BOOST_AUTO_TEST_CASE(save_as_pdf_writes_a_pdf_and_logs_it_and_bad_paths_are_refused)
{
    demoOnTab();
    savePathAnswer.reset(); // cancelled
    BOOST_TEST(!panel().savePdf());
    BOOST_TEST(logged().empty());
    BOOST_TEST(suggestedName.StartsWith("Alex-Demo-Home-exercise-plan-"), suggestedName);
    BOOST_TEST(suggestedName.EndsWith(".pdf"), suggestedName);

    const fs::path file = folder / "Alex handout.pdf";
    savePathAnswer = wxs(file.string());
    BOOST_REQUIRE(panel().savePdf());
    const std::string bytes = slurp(file);
    BOOST_TEST(bytes.rfind("%PDF-", 0) == 0u);
    BOOST_TEST(PdfPages(bytes).pageCount() == panel().pageCount());
    auto rows = logged();
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST((rows[0].channel == HandoutChannel::Pdf));
    BOOST_TEST(rows[0].recipient == "Alex handout.pdf");
    BOOST_TEST(rows[0].sha256 == sha256Hex(bytes));
    BOOST_TEST(panel().lastNote().Contains("handout log"));

    // (Tests may run as root, who may write anywhere: these fail for everyone.)
    std::ofstream(folder / "a-file") << "x";
    for (const fs::path& bad : {folder / "no-such-folder" / "h.pdf", folder / "a-file" / "h.pdf", fs::path(folder)}) {
        BOOST_TEST_CONTEXT(bad)
        {
            errors.clear();
            savePathAnswer = wxs(bad.string());
            BOOST_TEST(!panel().savePdf());
            BOOST_REQUIRE(errors.size() == 1u);
            BOOST_TEST(errors[0].first.Contains("Cannot save"));
            BOOST_TEST(!errors[0].second.empty());
        }
    }
    BOOST_TEST(logged().size() == 1u);
}

BOOST_AUTO_TEST_CASE(printing_to_a_file_gives_the_pdfs_pages_and_is_logged)
{
    demoOnTab();
    // The PostScript printer writes a file, with no print system or dialog involved.
    wxPrintFactory::SetPrintFactory(new wxNativePrintFactory);
    const fs::path ps = folder / "handout.ps";
    panel().printData().SetPrintMode(wxPRINT_MODE_FILE);
    panel().printData().SetFilename(wxs(ps.string()));
    panel().printData().SetPaperId(wxPAPER_A4);
    panel().setMaxPrintDpi(100);
    BOOST_REQUIRE(panel().print());
    const std::string printed = slurp(ps);
    BOOST_TEST(printed.rfind("%!PS-Adobe", 0) == 0u);
    std::size_t pages = 0;
    for (std::size_t at = printed.find("\n%%Page: "); at != std::string::npos; at = printed.find("\n%%Page: ", at + 1))
        ++pages;
    BOOST_TEST(pages == static_cast<std::size_t>(panel().pageCount()));
    BOOST_TEST(printed.find("colorimage") != std::string::npos); // the rasterised pages
    const auto rows = logged();
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST((rows[0].channel == HandoutChannel::Print));
    BOOST_TEST(rows[0].recipient == "handout.ps");
    BOOST_TEST(errors.empty());

    // A print file that cannot be written is an error, and nothing more is logged.
    panel().printData().SetFilename(wxs((folder / "no-such-folder" / "h.ps").string()));
    BOOST_TEST(!panel().print());
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].second.Contains("no-such-folder"), errors[0].second);
    BOOST_TEST(logged().size() == 1u);
}

BOOST_AUTO_TEST_CASE(a_blocker_refuses_without_an_override_and_audits_one)
{
    Patient p;
    p.name = "Cleo Park"; // never screened for red flags: a blocker
    BOOST_REQUIRE(frame->addPatient(p) > 0);
    BOOST_REQUIRE(frame->addExercise("lumbar/prone-press-up"));
    BOOST_REQUIRE(frame->saveRevision("First plan") == 1);
    showTab();
    const fs::path file = folder / "blocked.pdf";
    savePathAnswer = wxs(file.string());

    overrideAnswer.reset(); // the clinician cancels
    BOOST_TEST(!panel().savePdf());
    BOOST_REQUIRE(blockersAsked.size() == 1u);
    BOOST_TEST(blockersAsked[0].at(0).code == "redflag.not-screened");
    overrideAnswer = "   "; // a blank reason is no reason
    BOOST_TEST(!panel().savePdf());
    BOOST_TEST(!fs::exists(file));
    BOOST_TEST(logged().empty());
    BOOST_TEST(overrides() == 0u);
    BOOST_TEST(panel().lastNote().Contains("blocker"));

    overrideAnswer = "Screened by phone today";
    BOOST_REQUIRE(panel().savePdf());
    BOOST_TEST(fs::exists(file));
    BOOST_TEST(logged().size() == 1u);
    BOOST_REQUIRE(overrides() == 1u);
    const auto entries = workspace->store().audit().list({frame->currentPatientId(), 100});
    const auto entry = std::find_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.action == "override"; });
    BOOST_REQUIRE(entry != entries.end());
    BOOST_TEST(entry->entity == "revision");
    const Json details = Json::parse(entry->details);
    BOOST_TEST(entry->freeText == "Screened by phone today");
    BOOST_TEST(details.at("action") == "export");
}

BOOST_AUTO_TEST_CASE(email_arrives_with_the_pdf_and_is_logged_with_its_message_id)
{
    SmtpServer server({"plain", "", "", {}});
    configureMail(server.port());
    demoOnTab();
    BOOST_REQUIRE(panel().emailToPatient());
    BOOST_TEST(panel().isSending());
    BOOST_TEST(!panel().canHandOut()); // one thing at a time
    BOOST_REQUIRE(pumpUntil([&] { return !panel().isSending(); }));
    BOOST_TEST(errors.empty());
    BOOST_REQUIRE(mailProposed.size() == 1u);
    BOOST_TEST(mailProposed[0].to == "alex.demo@example.org");
    BOOST_TEST(mailProposed[0].body.find("Hello Alex,") != std::string::npos, mailProposed[0].body);

    const auto received = server.received();
    BOOST_REQUIRE(received.size() == 1u);
    const Json& s = received[0].summary;
    BOOST_TEST(s.at("to").at(0) == "alex.demo@example.org");
    BOOST_TEST(std::string(s.at("body")).find("See you soon.") != std::string::npos); // the edited text
    BOOST_TEST(received[0].attachment.rfind("%PDF-", 0) == 0u);
    BOOST_TEST(PdfPages(received[0].attachment).pageCount() == panel().pageCount());
    const auto rows = logged();
    BOOST_REQUIRE(rows.size() == 1u);
    BOOST_TEST((rows[0].channel == HandoutChannel::Email));
    BOOST_TEST(rows[0].messageId == std::string(s.at("message_id")));
    BOOST_TEST(rows[0].sha256 == sha256Hex(received[0].attachment));
    BOOST_TEST(panel().lastNote().Contains(wxs(rows[0].messageId)));
}

BOOST_AUTO_TEST_CASE(a_failing_server_is_shown_logs_nothing_and_keeps_the_pdf)
{
    configureMail(unusedPort());
    demoOnTab();
    BOOST_REQUIRE(panel().emailToPatient());
    BOOST_REQUIRE(pumpUntil([&] { return !panel().isSending(); }));
    BOOST_REQUIRE(mailFailures.size() == 1u);
    BOOST_TEST(mailFailures[0].first.Contains("connection refused"), mailFailures[0].first);
    const fs::path kept(gui::u8(mailFailures[0].second));
    BOOST_TEST(fs::exists(kept));
    BOOST_TEST(slurp(kept).rfind("%PDF-", 0) == 0u);
    BOOST_TEST(logged().empty());
    BOOST_TEST(panel().canHandOut()); // ready to try again
    fs::remove(kept);
}

BOOST_AUTO_TEST_CASE(without_mail_settings_it_says_how_to_set_them_up)
{
    demoOnTab();
    BOOST_TEST(!panel().emailToPatient());
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].first.Contains("not set up"));
    BOOST_TEST(errors[0].second.Contains("stretchplan-cli mail configure"));
    BOOST_TEST(mailProposed.empty());

    std::ofstream(settings) << "{\"mail\": {\"host\": 12}}"; // a broken section is named, not ignored
    errors.clear();
    BOOST_TEST(!panel().emailToPatient());
    BOOST_REQUIRE(errors.size() == 1u);
    BOOST_TEST(errors[0].second.Contains("/mail/host"), errors[0].second);
    BOOST_TEST(logged().empty());
}

BOOST_AUTO_TEST_CASE(a_bad_address_is_refused_before_anything_is_made_or_sent)
{
    SmtpServer server({"plain", "", "", {}});
    configureMail(server.port());
    demoOnTab();
    for (const std::string bad : {"", "not an address", "alex@example.org\nBcc: all@example.org"}) {
        BOOST_TEST_CONTEXT(bad)
        {
            errors.clear();
            mailTo = bad;
            BOOST_TEST(!panel().emailToPatient());
            BOOST_REQUIRE(errors.size() == 1u);
            BOOST_TEST(errors[0].second.Contains("e-mail address"), errors[0].second);
            BOOST_TEST(!panel().isSending());
        }
    }
    BOOST_TEST(server.connections() == 0u);
    BOOST_TEST(logged().empty());
    const fs::path userOutbox = fs::path(std::getenv("XDG_DATA_HOME")) / "stretchplan" / "outbox";
    BOOST_TEST((!fs::exists(userOutbox) || fs::is_empty(userOutbox))); // no PDF was made
}

BOOST_AUTO_TEST_CASE(the_handout_menu_follows_the_plan_menu)
{
    wxMenuBar* bar = frame->GetMenuBar();
    const int plan = bar->FindMenu("Plan");
    BOOST_REQUIRE(plan != wxNOT_FOUND);
    BOOST_TEST(bar->FindMenu("Handout") == plan + 1);
    BOOST_TEST(bar->FindMenuItem("Handout", "Print…") == wxID_PRINT);
    frame->showHandout();
    BOOST_TEST(frame->tabs().GetCurrentPage() == &frame->handoutPanel());
}

BOOST_AUTO_TEST_CASE(each_menu_item_has_an_id_of_its_own)
{
    // Two items with one id would both run whichever handler was bound to it.
    std::map<int, wxString> seen;
    wxMenuBar* bar = frame->GetMenuBar();
    for (std::size_t m = 0; m < bar->GetMenuCount(); ++m)
        for (const wxMenuItem* item : bar->GetMenu(m)->GetMenuItems()) {
            if (item->IsSeparator())
                continue;
            const auto [at, added] = seen.emplace(item->GetId(), item->GetItemLabelText());
            BOOST_TEST(added, item->GetItemLabelText() << " has the id of " << at->second);
        }
}

BOOST_AUTO_TEST_SUITE_END()
