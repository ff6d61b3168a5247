// E-mailing a handout in steps a desktop app can spread over threads: the text from the
// template, the PDF in the outbox, sending (against the loopback SMTP fixture), logging.
#include "DeliveryFixture.h"

#include "../mail/SmtpFixture.h"

#include "delivery/HandoutMail.h"
#include "hash/Sha256.h"
#include "mail/EmailTemplate.h"
#include "mail/MailError.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::test;
namespace fs = std::filesystem;

namespace {

struct MailFixture : DeliveryFixture {
    fs::path outbox = folder / "outbox";
    MailFixture() { fs::create_directories(outbox); }

    static mail::MailSettings plainTo(int port)
    {
        mail::MailSettings s;
        s.host = "127.0.0.1";
        s.port = port;
        s.security = mail::MailSecurity::Plain;
        s.fromAddress = "info@riverside.example.org";
        s.connectTimeout_s = 5;
        s.transferTimeout_s = 20;
        return s;
    }

    delivery::OutboxHandout written()
    {
        auto dc = context();
        return delivery::writeOutboxHandout(dc, readyPlan, 0, {}, "email", "", outbox);
    }
};

const mail::EmailTemplate kTemplate{"test", "Your plan from {clinic_name}",
                                    "Hello {patient_first_name},\nNext visit: {next_follow_up}\nBye\n"};

} // namespace

BOOST_FIXTURE_TEST_SUITE(handout_mail, MailFixture)

BOOST_AUTO_TEST_CASE(the_text_is_filled_in_for_the_patient)
{
    auto dc = context();
    const auto h = delivery::readPlanHandout(dc, readyPlan, 0, false);
    const auto text = delivery::handoutMailText(kTemplate, dc.clinic, h);
    BOOST_TEST(text.subject == "Your plan from " + dc.clinic.name);
    BOOST_TEST(text.body == "Hello Alex,\nBye\n"); // no follow-up booked: its line is left out
    const mail::EmailTemplate typo{"typo", "Hi {patient_name}", "x"};
    BOOST_CHECK_THROW(delivery::handoutMailText(typo, dc.clinic, h), mail::MailError);
}

BOOST_AUTO_TEST_CASE(the_outbox_pdf_is_named_for_plan_revision_and_date)
{
    const auto out = written();
    BOOST_TEST(out.pdf.parent_path() == outbox);
    BOOST_TEST(out.pdf.filename().string() == "plan-" + std::to_string(readyPlan) + "-r1-" + out.attachmentName);
    BOOST_TEST(slurp(out.pdf).rfind("%PDF-", 0) == 0u);
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(outbox))
        ++files;
    BOOST_TEST(files == 1u); // no temporary file left beside it
    BOOST_CHECK_THROW(delivery::outboxDir(folder / "missing"), delivery::DeliveryError);
}

BOOST_AUTO_TEST_CASE(a_sent_message_carries_the_pdf_and_is_logged_with_its_message_id)
{
    SmtpServer server({"plain", "", "", {}});
    const auto out = written();
    const std::string pdfBytes = slurp(out.pdf);
    auto dc = context();
    auto m = delivery::handoutMessage(plainTo(server.port()), dc.clinic, "alex.demo@example.org",
                                      {"Your plan", "Hello"}, out);
    BOOST_TEST(m.fromName == dc.clinic.name); // the settings give no name
    delivery::sendHandoutMail(plainTo(server.port()), "", m);
    const auto received = server.received();
    BOOST_REQUIRE(received.size() == 1u);
    BOOST_TEST(received[0].attachment == pdfBytes);
    BOOST_TEST(received[0].summary.at("message_id") == m.messageId);

    const HandoutRecord r = delivery::logSentMail(ws->store(), out.written.handout.revision.id, m);
    BOOST_TEST(r.messageId == m.messageId);
    BOOST_TEST(r.sha256 == sha256Hex(pdfBytes));
    BOOST_TEST(ws->store().handouts().listForPatient(readyPatient).size() == 1u);
    BOOST_TEST(!fs::exists(out.pdf)); // sent and logged: no copy left
}

BOOST_AUTO_TEST_CASE(a_failed_send_names_the_cause_and_keeps_the_pdf)
{
    const auto out = written();
    auto dc = context();
    auto m = delivery::handoutMessage(plainTo(unusedPort()), dc.clinic, "alex.demo@example.org", {"Plan", "Hi"}, out);
    try {
        delivery::sendHandoutMail(plainTo(unusedPort()), "", m);
        BOOST_FAIL("no SendFailedError");
    } catch (const delivery::SendFailedError& e) {
        BOOST_TEST(e.reason().find("connection refused") != std::string::npos, e.reason());
        BOOST_TEST(e.keptPdf() == out.pdf);
        BOOST_TEST(std::string(e.what()).find("the handout is kept at " + out.pdf.string()) != std::string::npos);
    }
    BOOST_TEST(fs::exists(out.pdf));
    BOOST_TEST(ws->store().handouts().listForPatient(readyPatient).empty());
}

BOOST_AUTO_TEST_CASE(a_header_with_a_line_break_is_refused_before_connecting)
{
    SmtpServer server({"plain", "", "", {}});
    const auto out = written();
    auto dc = context();
    auto m = delivery::handoutMessage(plainTo(server.port()), dc.clinic, "alex.demo@example.org",
                                      {"Plan\r\nBcc: all@example.org", "Hi"}, out);
    BOOST_CHECK_THROW(delivery::sendHandoutMail(plainTo(server.port()), "", m), delivery::SendFailedError);
    BOOST_TEST(server.connections() == 0u);
    BOOST_TEST(fs::exists(out.pdf));
}

BOOST_AUTO_TEST_SUITE_END()
