// `plan email PLAN --to ADDRESS`: the handout `plan export` makes, sent by e-mail and
// logged (handout log: recipient, SHA-256, Message-ID; audit log: no address). On any
// failure nothing is logged as sent and the PDF stays where the message says.
#include "cli/ArgParsing.h"
#include "cli/MailSupport.h"
#include "cli/PlanHandout.h"
#include "handout/HandoutBuilder.h"
#include "hash/Sha256.h"
#include "mail/Address.h"
#include "mail/EmailTemplate.h"
#include "mail/Headers.h"
#include "mail/MailError.h"
#include "mail/XdgEmail.h"
#include "settings/XdgDirs.h"

#include <ctime>
#include <ostream>
#include <system_error>

#include <unistd.h>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

struct Options : HandoutOptions {
    std::string plan, to, emailTemplate = "default", subject, overrideReason, pdfDir, passwordFile;
    int revision = 0;
    bool compose = false;
};

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

// The folder the PDF is written to: --pdf-dir, or the outbox in the data folder, which
// only its owner may enter (the PDF holds patient data).
fs::path outboxDir(const std::string& given)
{
    if (!given.empty()) {
        if (!fs::is_directory(given))
            throw CliError("--pdf-dir " + given + ": no such folder");
        return given;
    }
    const fs::path data = userDataDir();
    if (data.empty())
        throw CliError("no folder for the handout: HOME is not set; give --pdf-dir DIR");
    std::error_code ec;
    fs::create_directories(data / "outbox", ec);
    fs::permissions(data / "outbox", fs::perms::owner_all, ec);
    return data / "outbox";
}

template <class F> auto mailStep(F&& step)
{
    try {
        return step();
    } catch (const mail::MailError& e) {
        throw CliError(e.what());
    }
}

void run(CliContext& ctx, const Options& o)
{
    const std::int64_t planId = parseRecordId(o.plan, "plan");
    // Everything that can be refused is refused before the handout is made.
    mailStep([&] { mail::requireAddress(o.to, "--to"); });
    mailStep([&] { mail::requireSingleLine("subject", o.subject); });
    const auto settings = loadMailSettings();
    if (!settings && !o.compose)
        throw CliError("no SMTP server configured: run 'stretchplan-cli mail configure --host ... --from ...', or "
                       "give --compose to open the message in your own mail program");
    const auto tmpl = mailStep([&] { return mail::loadEmailTemplate(o.emailTemplate, emailTemplateDirs()); });
    const fs::path dir = outboxDir(o.pdfDir);
    std::string password;
    if (settings && !o.compose)
        password = obtainPassword(*settings, settingsPath(), o.passwordFile);

    const fs::path partial = dir / (".plan-" + std::to_string(planId) + "-" + std::to_string(::getpid()) + ".pdf");
    PlanHandout h;
    try {
        h = writePlanHandout(ctx, planId, o.revision, o, "email", o.overrideReason, partial);
    } catch (...) {
        std::error_code ec;
        fs::remove(partial, ec);
        throw;
    }
    const std::string attachmentName = mail::attachmentFileName(h.date.toString());
    const fs::path pdf = dir / ("plan-" + std::to_string(planId) + "-r" + std::to_string(h.revision.number) + "-" +
                                attachmentName);
    fs::rename(partial, pdf);

    const ClinicProfile clinic = ctx.clinicProfile();
    mail::TemplateValues values{clinic.name, firstName(h.patient.name),
                                h.nextFollowUp ? handout::longDate(*h.nextFollowUp) : "", contactLine(clinic)};
    mail::MailMessage m;
    m.fromName = settings && !settings->fromName.empty() ? settings->fromName : clinic.name;
    m.fromAddress = settings ? settings->fromAddress : "";
    m.to = o.to;
    m.attachmentPath = pdf;
    m.attachmentName = attachmentName;
    try {
        m.subject = o.subject.empty() ? mail::fillTemplate(tmpl.subject, values) : o.subject;
        m.body = mail::fillTemplate(tmpl.body, values);
        if (o.compose) {
            mail::composeWithXdgEmail({m.to, m.subject, m.body, pdf});
            ctx.out() << pdf.string() << '\n';
            ctx.err() << "opened the message in your mail program; it is not logged as sent, because StretchPlan "
                         "cannot see whether you send it\n";
            return;
        }
        m.prepare(std::time(nullptr));
        m.check();
    } catch (const mail::MailError& e) {
        throw CliError(std::string(e.what()) + "\nnothing was sent; the handout is kept at " + pdf.string());
    }
    sendOrFail(*settings, password, m, pdf);

    HandoutRecord record;
    record.revisionId = h.revision.id;
    record.channel = HandoutChannel::Email;
    record.recipient = m.to;
    record.sha256 = sha256FileHex(pdf);
    record.messageId = m.messageId;
    try {
        ctx.store().handouts().add(record);
    } catch (const std::exception& e) {
        throw CliError("the e-mail was sent (Message-ID " + m.messageId + ") but could not be logged: " + e.what() +
                       "\nthe handout is kept at " + pdf.string());
    }
    std::error_code ec;
    fs::remove(pdf, ec); // sent and logged by its hash: no copy of patient data lingers
    ctx.out() << "sent to " << m.to << " (Message-ID " << m.messageId << ")\n";
}

} // namespace

void addPlanEmail(CLI::App& app, CliContext& ctx, int& exitCode)
{
    auto o = std::make_shared<Options>();
    CLI::App* plan = app.get_subcommand("plan");
    CLI::App* cmd = plan->add_subcommand("email", "E-mail the patient's PDF handout of a plan and log it");
    cmd->add_option("PLAN", o->plan, "Plan id")->required();
    cmd->add_option("--to", o->to, "The patient's e-mail address")->required();
    cmd->add_option("--revision", o->revision, "Revision number (default: the latest)")->check(CLI::PositiveNumber);
    cmd->add_option("--template", o->emailTemplate, "E-mail text template (default: default)");
    cmd->add_option("--subject", o->subject, "Subject (default: the template's)");
    cmd->add_option("--override-reason", o->overrideReason,
                    "Send despite a guidance blocker, for this reason (recorded in the audit log)");
    cmd->add_flag("--compose", o->compose, "Open the message in your own mail program (xdg-email) instead of sending");
    cmd->add_option("--pdf-dir", o->pdfDir,
                    "Folder for the PDF (default: the outbox in the data folder); kept there when sending fails");
    addPasswordFileOption(cmd, o->passwordFile);
    o->addTo(cmd, "--handout-template");
    cmd->callback([&ctx, &exitCode, o] {
        run(ctx, *o);
        exitCode = kExitOk;
    });
}

} // namespace sp::cli
