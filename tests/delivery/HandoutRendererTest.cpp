// One renderer for every output: the PDF written to a file and the one made in memory for
// the preview are the same bytes; a template or paper that does not exist is named.
#include "DeliveryFixture.h"

#include "delivery/HandoutLog.h"
#include "delivery/HandoutRenderer.h"
#include "delivery/PlanHandout.h"
#include "hash/Sha256.h"
#include "preview/PdfPages.h"

#include <boost/test/unit_test.hpp>

#include <sys/stat.h>

using namespace sp;
using namespace sp::test;

BOOST_FIXTURE_TEST_SUITE(handout_renderer, DeliveryFixture)

BOOST_AUTO_TEST_CASE(on_one_computer_the_handout_names_the_clinician_the_profile_keeps)
{
    // Before anyone gave a name: the demo patient's clinician is the login the workspace
    // was opened with, and a patient without one falls back to the revision's author.
    std::vector<std::string> warnings;
    delivery::DeliveryContext before = context();
    const delivery::PlanHandout demo = delivery::readPlanHandout(before, readyPlan, 1, true);
    BOOST_TEST(demo.patient.clinician == "tester");
    BOOST_TEST(delivery::planHandoutDraft(before, demo, warnings).content.clinician == "tester");

    BOOST_TEST(ws->needsHandoutName());
    ws->setHandoutName("Sam Lee, physiotherapist");
    BOOST_TEST(!ws->needsHandoutName());
    BOOST_TEST(!ws->hasOwnClinicProfile()); // the branding is still the demo clinic's
    BOOST_TEST(ws->clinicianName() == "Sam Lee, physiotherapist");
    delivery::DeliveryContext after = context();
    for (const std::int64_t plan : {readyPlan, blockedPlan}) {
        const delivery::PlanHandout h = delivery::readPlanHandout(after, plan, 1, true);
        BOOST_TEST(delivery::planHandoutDraft(after, h, warnings).content.clinician == "Sam Lee, physiotherapist");
    }
    // New patients name them too; a bad name is refused and changes nothing.
    BOOST_TEST(ws->store().patients().get(ws->addDemoPatient(today)).clinician == "Sam Lee, physiotherapist");
    BOOST_CHECK_THROW(ws->setHandoutName("Sam\nLee"), db::DbError);
    BOOST_TEST(ws->clinicianName() == "Sam Lee, physiotherapist");
}

BOOST_AUTO_TEST_CASE(the_preview_bytes_are_the_written_file)
{
    auto dc = context();
    delivery::HandoutOptions o;
    o.deterministic = true;
    const auto out = folder / "handout.pdf";
    const auto w = delivery::writePlanHandout(dc, readyPlan, 0, o, "export", "", out);
    std::vector<std::string> warnings;
    const auto content = delivery::planHandoutContent(dc, w.handout, warnings);
    const auto rendered = delivery::HandoutRenderer(o).render(content);
    BOOST_TEST(rendered.pdf == slurp(out));
}

// Every handout file (export, outbox, the app's save) goes through one writer: owner only,
// like the database, whatever the umask.
BOOST_AUTO_TEST_CASE(the_written_pdf_is_readable_by_its_owner_alone)
{
    auto dc = context();
    const mode_t old = ::umask(022);
    const auto out = folder / "private.pdf";
    delivery::writePlanHandout(dc, readyPlan, 0, {}, "export", "", out);
    ::umask(old);
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat(out.c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
}

BOOST_AUTO_TEST_CASE(large_print_has_more_pages)
{
    auto dc = context();
    const auto h = delivery::readPlanHandout(dc, readyPlan, 0, true);
    std::vector<std::string> warnings;
    const auto content = delivery::planHandoutContent(dc, h, warnings);
    delivery::HandoutOptions normal, large;
    large.largePrint = true;
    const PdfPages a(delivery::HandoutRenderer(normal).render(content).pdf);
    const PdfPages b(delivery::HandoutRenderer(large).render(content).pdf);
    BOOST_TEST(a.pageCount() >= 1);
    BOOST_TEST(b.pageCount() > a.pageCount());
}

BOOST_AUTO_TEST_CASE(letter_paper_gives_letter_pages)
{
    auto dc = context();
    const auto h = delivery::readPlanHandout(dc, readyPlan, 0, true);
    std::vector<std::string> warnings;
    const auto content = delivery::planHandoutContent(dc, h, warnings);
    delivery::HandoutOptions o;
    o.paper = "letter";
    const PdfPages pages(delivery::HandoutRenderer(o).render(content).pdf);
    BOOST_TEST(pages.pageSize(0).width == 612.0, boost::test_tools::tolerance(0.5));
    BOOST_TEST(pages.pageSize(0).height == 792.0, boost::test_tools::tolerance(0.5));
}

BOOST_AUTO_TEST_CASE(an_unknown_template_or_paper_is_named)
{
    delivery::HandoutOptions o;
    o.templateName = "fancy";
    try {
        delivery::HandoutRenderer r(o);
        BOOST_FAIL("no error for an unknown template");
    } catch (const delivery::DeliveryError& e) {
        const std::string what = e.what();
        BOOST_TEST(what.find("\"fancy\"") != std::string::npos, what);
        BOOST_TEST(what.find("classic") != std::string::npos, what);
    }
    o.templateName = "classic";
    o.paper = "a3";
    BOOST_CHECK_THROW(delivery::HandoutRenderer{o}, delivery::DeliveryError);
    const auto choices = delivery::handoutTemplateChoices();
    BOOST_TEST(choices.size() >= 2u);
}

BOOST_AUTO_TEST_CASE(the_log_row_carries_the_files_hash)
{
    auto dc = context();
    const auto out = folder / "handout.pdf";
    const auto w = delivery::writePlanHandout(dc, readyPlan, 0, {}, "export", "", out);
    const HandoutRecord r = delivery::logHandout(ws->store(), w.handout.revision.id, HandoutChannel::Print,
                                                 "Office printer", out);
    BOOST_TEST(r.id > 0);
    const auto logged = ws->store().handouts().listForPatient(readyPatient);
    BOOST_REQUIRE(logged.size() == 1u);
    BOOST_TEST((logged[0].channel == HandoutChannel::Print));
    BOOST_TEST(logged[0].recipient == "Office printer");
    BOOST_TEST(logged[0].sha256 == sha256Hex(slurp(out)));
    BOOST_CHECK_THROW(delivery::logHandout(ws->store(), w.handout.revision.id, HandoutChannel::Pdf, "gone.pdf",
                                           folder / "gone.pdf"),
                      std::exception);
    BOOST_TEST(ws->store().handouts().listForPatient(readyPatient).size() == 1u);
}

BOOST_AUTO_TEST_CASE(an_unwritable_target_is_an_error_that_names_it)
{
    auto dc = context();
    const auto out = folder / "no-such-folder" / "handout.pdf";
    try {
        delivery::writePlanHandout(dc, readyPlan, 0, {}, "export", "", out);
        BOOST_FAIL("no error for an unwritable target");
    } catch (const std::exception& e) {
        BOOST_TEST(std::string(e.what()).find("no-such-folder") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_SUITE_END()
