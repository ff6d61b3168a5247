// Sending through a real SMTP server on loopback (smtp_fixture.py): the message parses,
// the attachment decodes to exactly the file's bytes, non-ASCII headers round-trip, and
// each failure gives its own cause without anything delivered.
#include "SmtpFixture.h"

#include "mail/MailError.h"
#include "mail/SmtpSender.h"

#include <boost/test/unit_test.hpp>

#include <ctime>
#include <fstream>

using namespace sp::mail;
using namespace sp::test;
namespace fs = std::filesystem;

namespace {

// Bytes that a careless encoder would mangle: every byte value, CR LF runs, long lines.
std::string binaryPdf()
{
    std::string bytes = "%PDF-1.7\n";
    for (int i = 0; i < 4096; ++i)
        bytes += static_cast<char>(i % 256);
    bytes += "\r\n\r\n.\r\n..\n" + std::string(3000, 'x') + "\n%%EOF\n";
    return bytes;
}

struct SendFixture {
    fs::path dir = fs::temp_directory_path() / ("sp-mail-send-" + std::to_string(::getpid()));
    fs::path pdf = dir / "handout.pdf";
    std::string pdfBytes = binaryPdf();

    SendFixture()
    {
        fs::create_directories(dir);
        std::ofstream(pdf, std::ios::binary) << pdfBytes;
    }
    ~SendFixture() { fs::remove_all(dir); }

    static MailSettings settingsFor(const SmtpServer& server, MailSecurity security)
    {
        MailSettings s;
        s.host = "127.0.0.1";
        s.port = server.port();
        s.security = security;
        s.fromAddress = "info@riverside.example.org";
        s.fromName = "Riverside Physiotherapy";
        s.connectTimeout_s = 5;
        s.transferTimeout_s = 10;
        return s;
    }

    MailMessage message() const
    {
        MailMessage m;
        m.fromName = "Praxis M\u00fcller";
        m.fromAddress = "info@riverside.example.org";
        m.to = "zoe@example.org";
        m.subject = "\u00dcbungsplan f\u00fcr Zo\u00eb";
        m.body = "Hello Zo\u00eb,\n\nyour plan is attached.\n.\nA line with a lone dot above.\n";
        m.attachmentPath = pdf;
        m.attachmentName = "Home-exercise-plan-2026-11-24.pdf";
        m.prepare(std::time(nullptr));
        return m;
    }
};

SendError expectSendError(SendFailure cause, const std::function<void()>& send)
{
    try {
        send();
    } catch (const SendError& e) {
        BOOST_TEST((e.cause() == cause), "wrong cause for: " << e.what());
        return e;
    }
    BOOST_FAIL("no SendError");
    return {SendFailure::Other, ""};
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(smtp_sender, SendFixture)

BOOST_AUTO_TEST_CASE(a_plain_relay_receives_a_parseable_message_with_the_exact_pdf)
{
    SmtpServer server({});
    const MailMessage m = message();
    sendMail(settingsFor(server, MailSecurity::Plain), "", m);
    const auto received = server.received();
    BOOST_TEST_REQUIRE(received.size() == 1u);
    const auto& s = received[0].summary;
    BOOST_TEST(s.at("defects").empty(), s.at("defects").dump());
    BOOST_TEST(s.at("content_type") == "multipart/mixed");
    BOOST_TEST(s.at("subject") == "\u00dcbungsplan f\u00fcr Zo\u00eb");
    BOOST_TEST(s.at("from_name") == "Praxis M\u00fcller");
    BOOST_TEST(s.at("from_address") == "info@riverside.example.org");
    BOOST_TEST(s.at("to") == sp::Json::array({"zoe@example.org"}));
    BOOST_TEST(s.at("envelope_to") == sp::Json::array({"zoe@example.org"}));
    BOOST_TEST(s.at("message_id") == m.messageId);
    BOOST_TEST(s.at("date") == m.date);
    BOOST_TEST(s.at("body") == "Hello Zo\u00eb,\n\nyour plan is attached.\n.\nA line with a lone dot above.\n");
    BOOST_TEST(s.at("attachment_name") == "Home-exercise-plan-2026-11-24.pdf");
    BOOST_TEST(received[0].attachment == pdfBytes); // byte for byte
    BOOST_TEST(s.at("tls") == false);
    BOOST_TEST(contains(received[0].raw, "=?UTF-8?Q?"));
    for (const auto& part : s.at("parts"))
        if (part.at("type") == "application/pdf")
            BOOST_TEST(part.at("encoding") == "base64");
}

BOOST_AUTO_TEST_CASE(a_long_non_ascii_subject_is_folded_and_round_trips)
{
    SmtpServer server({});
    MailMessage m = message();
    m.subject.clear();
    for (int i = 0; i < 8; ++i)
        m.subject += "\u00dcbungsplan f\u00fcr Zo\u00eb \u0141\u00f3d\u017a \u65e5\u672c ";
    m.subject.pop_back();
    sendMail(settingsFor(server, MailSecurity::Plain), "", m);
    const auto received = server.received();
    BOOST_TEST_REQUIRE(received.size() == 1u);
    BOOST_TEST(received[0].summary.at("subject") == m.subject);
    BOOST_TEST(received[0].summary.at("defects").empty(), received[0].summary.at("defects").dump());
    // Folded: no line with an encoded word is longer than 76 characters (RFC 2047).
    const std::string headers = received[0].raw.substr(0, received[0].raw.find("\r\n\r\n"));
    std::size_t start = 0, encodedLines = 0;
    while (start < headers.size()) {
        const std::size_t end = std::min(headers.find("\r\n", start), headers.size());
        const std::string line = headers.substr(start, end - start);
        if (line.find("=?UTF-8?Q?") != std::string::npos) {
            ++encodedLines;
            BOOST_TEST(line.size() <= 76u, line);
        }
        start = end + 2;
    }
    BOOST_TEST(encodedLines > 5u);
}

BOOST_AUTO_TEST_CASE(starttls_with_the_clinics_own_ca_and_auth_delivers)
{
    SmtpServer server({"starttls", "clinic", "right horse battery", {}});
    MailSettings s = settingsFor(server, MailSecurity::StartTls);
    s.caFile = SmtpServer::caFile();
    s.username = "clinic";
    sendMail(s, "right horse battery", message());
    const auto received = server.received();
    BOOST_TEST_REQUIRE(received.size() == 1u);
    BOOST_TEST(received[0].summary.at("tls") == true);
    BOOST_TEST(received[0].summary.at("authenticated") == true);
    BOOST_TEST(received[0].attachment == pdfBytes);
}

BOOST_AUTO_TEST_CASE(implicit_tls_with_auth_delivers)
{
    SmtpServer server({"smtps", "clinic", "right horse battery", {}});
    MailSettings s = settingsFor(server, MailSecurity::Smtps);
    s.caFile = SmtpServer::caFile();
    s.username = "clinic";
    sendMail(s, "right horse battery", message());
    const auto received = server.received();
    BOOST_TEST_REQUIRE(received.size() == 1u);
    BOOST_TEST(received[0].summary.at("authenticated") == true);
    BOOST_TEST(received[0].attachment == pdfBytes);
}

BOOST_AUTO_TEST_CASE(a_wrong_password_is_an_auth_failure)
{
    SmtpServer server({"starttls", "clinic", "right horse battery", {}});
    MailSettings s = settingsFor(server, MailSecurity::StartTls);
    s.caFile = SmtpServer::caFile();
    s.username = "clinic";
    const SendError e = expectSendError(SendFailure::AuthFailed, [&] { sendMail(s, "wrong", message()); });
    BOOST_TEST(contains(e.what(), "auth failed"), e.what());
    BOOST_TEST(server.received().empty());
}

BOOST_AUTO_TEST_CASE(starttls_is_required_never_downgraded)
{
    SmtpServer server({}); // offers no STARTTLS
    MailSettings s = settingsFor(server, MailSecurity::StartTls);
    s.caFile = SmtpServer::caFile();
    const SendError e = expectSendError(SendFailure::TlsFailure, [&] { sendMail(s, "", message()); });
    BOOST_TEST(contains(e.what(), "does not offer STARTTLS"), e.what());
    BOOST_TEST(server.received().empty());
}

BOOST_AUTO_TEST_CASE(an_untrusted_certificate_is_a_tls_failure)
{
    SmtpServer server({"starttls", "", "", {}});
    MailSettings s = settingsFor(server, MailSecurity::StartTls); // no custom CA: the system's do not know it
    const SendError e = expectSendError(SendFailure::TlsFailure, [&] { sendMail(s, "", message()); });
    BOOST_TEST(contains(e.what(), "TLS failure"), e.what());
    BOOST_TEST(server.received().empty());
}

BOOST_AUTO_TEST_CASE(a_server_that_is_down_is_connection_refused)
{
    SmtpServer server({});
    MailSettings s = settingsFor(server, MailSecurity::Plain);
    s.port = unusedPort();
    const SendError e = expectSendError(SendFailure::ConnectionRefused, [&] { sendMail(s, "", message()); });
    BOOST_TEST(contains(e.what(), "connection refused"), e.what());
}

BOOST_AUTO_TEST_CASE(a_rejected_recipient_is_named_as_such)
{
    SmtpServer server({"plain", "", "", {"zoe@example.org"}});
    const SendError e = expectSendError(SendFailure::RecipientRejected,
                                        [&] { sendMail(settingsFor(server, MailSecurity::Plain), "", message()); });
    BOOST_TEST(contains(e.what(), "recipient rejected"), e.what());
    BOOST_TEST(contains(e.what(), "550"), e.what());
    BOOST_TEST(server.received().empty());
}

BOOST_AUTO_TEST_CASE(a_server_that_never_answers_times_out)
{
    SmtpServer server({"silent", "", "", {}});
    MailSettings s = settingsFor(server, MailSecurity::Plain);
    s.transferTimeout_s = 2;
    const auto start = std::chrono::steady_clock::now();
    const SendError e = expectSendError(SendFailure::Timeout, [&] { sendMail(s, "", message()); });
    BOOST_TEST(contains(e.what(), "timeout"), e.what());
    const bool quick = std::chrono::steady_clock::now() - start < std::chrono::seconds(8);
    BOOST_TEST(quick);
}

BOOST_AUTO_TEST_CASE(a_plain_login_to_another_host_is_refused_before_any_connection)
{
    MailSettings s = settingsFor(SmtpServer({}), MailSecurity::Plain);
    s.host = "192.0.2.1"; // TEST-NET-1: nothing answers there, so only a refusal is quick
    s.username = "clinic";
    const auto start = std::chrono::steady_clock::now();
    try {
        sendMail(s, "right horse battery", message());
        BOOST_FAIL("a password was sent unencrypted to another host");
    } catch (const MailError& e) {
        BOOST_TEST(contains(e.what(), "unencrypted"), e.what());
        BOOST_TEST(contains(e.what(), "192.0.2.1"), e.what());
    } catch (const SendError& e) {
        BOOST_FAIL("it tried to connect: " << e.what());
    }
    BOOST_TEST((std::chrono::steady_clock::now() - start < std::chrono::seconds(1)));
}

BOOST_AUTO_TEST_CASE(header_injection_is_refused_before_any_connection)
{
    SmtpServer server({});
    const MailSettings s = settingsFor(server, MailSecurity::Plain);
    std::vector<MailMessage> attempts(5, message());
    attempts[0].subject = "Your plan\r\nBcc: everyone@example.org";
    attempts[1].subject = "Your plan\nBcc: everyone@example.org";
    attempts[2].fromName = "Riverside\r\nBcc: everyone@example.org";
    attempts[3].to = "zoe@example.org\r\nBcc: everyone@example.org";
    attempts[4].to = "zoe@example.org>\r\nRCPT TO:<everyone@example.org";
    for (const MailMessage& m : attempts)
        BOOST_CHECK_THROW(sendMail(s, "", m), MailError);
    BOOST_TEST(server.connections() == 0u);
    BOOST_TEST(server.received().empty());
}

BOOST_AUTO_TEST_CASE(a_message_without_attachment_is_plain_text)
{
    SmtpServer server({});
    MailMessage m = message();
    m.attachmentPath.clear();
    m.attachmentName.clear();
    sendMail(settingsFor(server, MailSecurity::Plain), "", m);
    const auto received = server.received();
    BOOST_TEST_REQUIRE(received.size() == 1u);
    BOOST_TEST(received[0].attachment.empty());
    BOOST_TEST(received[0].summary.at("body") == m.body);
}

BOOST_AUTO_TEST_SUITE_END()
