#include "mail/SmtpSender.h"

#include "mail/Headers.h"
#include "mail/MailError.h"

#include <curl/curl.h>

#include <memory>
#include <mutex>

namespace sp::mail {
namespace {

struct CurlDeleter {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
    void operator()(curl_mime* m) const { curl_mime_free(m); }
    void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
template <class T> using CurlPtr = std::unique_ptr<T, CurlDeleter>;

void initCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            throw SendError(SendFailure::Other, "cannot initialise libcurl");
    });
}

// curl's setters return CURLE_OK or an "unknown option" that only a broken build gives.
template <class V> void set(CURL* c, CURLoption option, V value)
{
    if (const CURLcode rc = curl_easy_setopt(c, option, value); rc != CURLE_OK)
        throw SendError(SendFailure::Other, std::string("libcurl refused an option: ") + curl_easy_strerror(rc));
}

void append(CurlPtr<curl_slist>& list, const std::string& line)
{
    curl_slist* grown = curl_slist_append(list.get(), line.c_str());
    if (!grown)
        throw std::bad_alloc();
    (void)list.release();
    list.reset(grown);
}

std::string serverUrl(const MailSettings& s)
{
    const std::string host = s.host.find(':') != std::string::npos ? "[" + s.host + "]" : s.host;
    return std::string(s.security == MailSecurity::Smtps ? "smtps://" : "smtp://") + host + ":" +
           std::to_string(s.port);
}

// SMTP wants CRLF line ends; curl's quoted-printable encoder keeps CRLF as a line break.
std::string withCrlf(const std::string& text)
{
    std::string out;
    out.reserve(text.size() + text.size() / 40);
    for (char c : text) {
        if (c == '\n')
            out += '\r';
        out += c;
    }
    return out;
}

curl_mime* buildMime(CURL* c, const MailMessage& m)
{
    curl_mime* mime = curl_mime_init(c);
    if (!mime)
        throw std::bad_alloc();
    const std::string body = withCrlf(m.body);
    curl_mimepart* text = curl_mime_addpart(mime);
    bool ok = text && curl_mime_data(text, body.data(), body.size()) == CURLE_OK &&
              curl_mime_type(text, "text/plain; charset=UTF-8") == CURLE_OK &&
              curl_mime_encoder(text, "quoted-printable") == CURLE_OK;
    if (ok && !m.attachmentPath.empty()) {
        curl_mimepart* pdf = curl_mime_addpart(mime);
        ok = pdf && curl_mime_filedata(pdf, m.attachmentPath.c_str()) == CURLE_OK &&
             curl_mime_filename(pdf, m.attachmentName.c_str()) == CURLE_OK &&
             curl_mime_type(pdf, "application/pdf") == CURLE_OK && curl_mime_encoder(pdf, "base64") == CURLE_OK;
    }
    if (!ok) {
        curl_mime_free(mime);
        throw SendError(SendFailure::Other, "cannot build the message with libcurl's MIME API");
    }
    return mime;
}

bool mentions(const std::string& text, const char* what)
{
    return text.find(what) != std::string::npos;
}

SendError translate(CURLcode rc, const std::string& detail, long smtpCode, const MailSettings& s)
{
    const std::string server = s.host + ":" + std::to_string(s.port);
    const std::string why = detail.empty() ? curl_easy_strerror(rc) : detail;
    switch (rc) {
    case CURLE_COULDNT_CONNECT:
        return {SendFailure::ConnectionRefused, "connection refused: nothing accepts mail at " + server +
                                                    " (is the server running, and are host and port right?) [" + why + "]"};
    case CURLE_OPERATION_TIMEDOUT:
        return {SendFailure::Timeout, "timeout: " + server + " did not answer in time [" + why + "]"};
    case CURLE_USE_SSL_FAILED:
        return {SendFailure::TlsFailure, "TLS failure: " + server +
                                             " does not offer STARTTLS, and StretchPlan never sends patient data "
                                             "unencrypted (use --security smtps if the server speaks TLS from the start)"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        return {SendFailure::TlsFailure, "TLS failure: the secure connection to " + server +
                                             " could not be set up or its certificate is not trusted [" + why + "]"};
    case CURLE_LOGIN_DENIED:
        return {SendFailure::AuthFailed, "auth failed: " + server + " did not accept the user name and password [" +
                                             why + "]"};
    default: break;
    }
    if (mentions(why, "RCPT failed"))
        return {SendFailure::RecipientRejected, "recipient rejected: the server refused the address (SMTP " +
                                                    std::to_string(smtpCode) + ") [" + why + "]"};
    if (smtpCode == 530 || smtpCode == 535)
        return {SendFailure::AuthFailed, "auth failed: " + server + " requires a login that was not accepted (SMTP " +
                                             std::to_string(smtpCode) + ") [" + why + "]"};
    if (rc == CURLE_COULDNT_RESOLVE_HOST)
        return {SendFailure::Other, "cannot find the mail server " + s.host + " [" + why + "]"};
    return {SendFailure::Other, "sending failed: " + std::string(curl_easy_strerror(rc)) + " [" + why + "]"};
}

} // namespace

void sendMail(const MailSettings& s, const std::string& password, const MailMessage& m)
{
    m.check(); // before anything touches the network
    // Checked again here, whatever the settings file says: it may have been edited by hand.
    if (const std::string why = plainLoginProblem(s); !why.empty())
        throw MailError("not sent: " + why);
    initCurlOnce();
    CurlPtr<CURL> curl(curl_easy_init());
    if (!curl)
        throw SendError(SendFailure::Other, "cannot initialise libcurl");
    CURL* c = curl.get();
    char errors[CURL_ERROR_SIZE] = {};
    set(c, CURLOPT_ERRORBUFFER, errors);
    set(c, CURLOPT_URL, serverUrl(s).c_str());
    set(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
    set(c, CURLOPT_NOSIGNAL, 1L);
    set(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(s.connectTimeout_s));
    set(c, CURLOPT_TIMEOUT, static_cast<long>(s.transferTimeout_s));
    set(c, CURLOPT_USE_SSL, static_cast<long>(s.security == MailSecurity::Plain ? CURLUSESSL_NONE : CURLUSESSL_ALL));
    set(c, CURLOPT_SSL_VERIFYPEER, 1L);
    set(c, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!s.caFile.empty())
        set(c, CURLOPT_CAINFO, s.caFile.c_str());
    if (!s.username.empty()) {
        set(c, CURLOPT_USERNAME, s.username.c_str());
        set(c, CURLOPT_PASSWORD, password.c_str());
    }
    const std::string mailFrom = "<" + m.fromAddress + ">";
    set(c, CURLOPT_MAIL_FROM, mailFrom.c_str());
    CurlPtr<curl_slist> recipients;
    append(recipients, "<" + m.to + ">");
    set(c, CURLOPT_MAIL_RCPT, recipients.get());

    CurlPtr<curl_slist> headers;
    append(headers, "Date: " + m.date);
    append(headers, "From: " + formatMailbox(m.fromName, m.fromAddress, 6));
    append(headers, "To: " + m.to);
    append(headers, "Subject: " + encodeHeaderText(m.subject, 9));
    append(headers, "Message-ID: " + m.messageId);
    set(c, CURLOPT_HTTPHEADER, headers.get());
    CurlPtr<curl_mime> mime(buildMime(c, m));
    set(c, CURLOPT_MIMEPOST, mime.get());

    const CURLcode rc = curl_easy_perform(c);
    if (rc == CURLE_OK)
        return;
    long smtpCode = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &smtpCode);
    throw translate(rc, errors, smtpCode, s);
}

} // namespace sp::mail
