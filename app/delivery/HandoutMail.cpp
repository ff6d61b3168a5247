#include "delivery/HandoutMail.h"

#include "delivery/HandoutLog.h"
#include "handout/HandoutBuilder.h"
#include "mail/MailError.h"
#include "mail/SmtpSender.h"
#include "settings/XdgDirs.h"

#include <ctime>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace sp::delivery {
namespace {

std::string firstName(const std::string& name)
{
    const std::size_t start = name.find_first_not_of(' ');
    if (start == std::string::npos)
        return name;
    return name.substr(start, name.find(' ', start) - start);
}

std::string contactLine(const ClinicProfile& clinic)
{
    std::string line;
    for (const std::string* part : {&clinic.phone, &clinic.email, &clinic.web})
        if (!part->empty())
            line += (line.empty() ? "" : " \u00b7 ") + *part;
    return line;
}

} // namespace

fs::path outboxDir(const fs::path& given)
{
    if (!given.empty()) {
        if (!fs::is_directory(given))
            throw DeliveryError("--pdf-dir " + given.string() + ": no such folder");
        return given;
    }
    const fs::path outbox = keptHandoutsDir();
    if (outbox.empty())
        throw DeliveryError("no folder for the handout: HOME is not set; give --pdf-dir DIR");
    std::error_code ec;
    fs::create_directories(outbox, ec);
    fs::permissions(outbox, fs::perms::owner_all, ec);
    if (!fs::is_directory(outbox))
        throw DeliveryError("cannot create the outbox folder " + outbox.string() + ": " + ec.message());
    return outbox;
}

fs::path keptHandoutsDir()
{
    const fs::path data = userDataDir();
    return data.empty() ? fs::path() : data / "outbox";
}

MailText handoutMailText(const mail::EmailTemplate& tmpl, const ClinicProfile& clinic, const PlanHandout& h)
{
    const mail::TemplateValues values{clinic.name, firstName(h.patient.name),
                                      h.nextFollowUp ? handout::longDate(*h.nextFollowUp) : "", contactLine(clinic)};
    return {mail::fillTemplate(tmpl.subject, values), mail::fillTemplate(tmpl.body, values)};
}

OutboxHandout writeOutboxHandout(DeliveryContext& ctx, std::int64_t planId, int revision, const HandoutOptions& o,
                                 const std::string& action, const std::string& overrideReason, const fs::path& dir)
{
    const fs::path partial = dir / (".plan-" + std::to_string(planId) + "-" + std::to_string(::getpid()) + ".pdf");
    OutboxHandout out;
    try {
        out.written = writePlanHandout(ctx, planId, revision, o, action, overrideReason, partial);
    } catch (...) {
        std::error_code ec;
        fs::remove(partial, ec);
        throw;
    }
    const PlanHandout& h = out.written.handout;
    out.attachmentName = mail::attachmentFileName(h.date.toString());
    out.pdf = dir / ("plan-" + std::to_string(planId) + "-r" + std::to_string(h.revision.number) + "-" +
                     out.attachmentName);
    fs::rename(partial, out.pdf);
    return out;
}

mail::MailMessage handoutMessage(const mail::MailSettings& settings, const ClinicProfile& clinic,
                                 const std::string& to, const MailText& text, const OutboxHandout& handout)
{
    mail::MailMessage m;
    m.fromName = settings.fromName.empty() ? clinic.name : settings.fromName;
    m.fromAddress = settings.fromAddress;
    m.to = to;
    m.subject = text.subject;
    m.body = text.body;
    m.attachmentPath = handout.pdf;
    m.attachmentName = handout.attachmentName;
    return m;
}

void sendHandoutMail(const mail::MailSettings& settings, const std::string& password, mail::MailMessage& m)
{
    std::string reason;
    try {
        m.prepare(std::time(nullptr));
        m.check();
        mail::sendMail(settings, password, m);
        return;
    } catch (const mail::SendError& e) {
        reason = e.what();
    } catch (const mail::MailError& e) {
        reason = e.what();
    }
    throw SendFailedError(reason + "\nnothing was sent; the handout is kept at " + m.attachmentPath.string(), reason,
                          m.attachmentPath);
}

HandoutRecord logSentMail(db::ClinicStore& store, std::int64_t revisionId, const mail::MailMessage& m)
{
    HandoutRecord record;
    try {
        record = logHandout(store, revisionId, HandoutChannel::Email, m.to, m.attachmentPath, m.messageId);
    } catch (const std::exception& e) {
        throw DeliveryError("the e-mail was sent (Message-ID " + m.messageId + ") but could not be logged: " +
                            e.what() + "\nthe handout is kept at " + m.attachmentPath.string());
    }
    std::error_code ec;
    fs::remove(m.attachmentPath, ec);
    return record;
}

} // namespace sp::delivery
