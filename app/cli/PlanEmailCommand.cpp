// `plan email PLAN --to ADDRESS`: the handout `plan export` makes, sent by e-mail and
// logged (handout log: recipient, SHA-256, Message-ID; audit log: no address). On any
// failure nothing is logged as sent and the PDF stays where the message says.
#include "cli/ArgParsing.h"
#include "cli/MailSupport.h"
#include "cli/PlanHandout.h"
#include "delivery/HandoutMail.h"
#include "mail/Address.h"
#include "mail/EmailTemplate.h"
#include "mail/Headers.h"
#include "mail/MailError.h"
#include "mail/XdgEmail.h"

#include <ostream>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

struct Options : HandoutOptions {
    std::string plan, to, emailTemplate = "default", subject, overrideReason, pdfDir, passwordFile;
    int revision = 0;
    bool compose = false;
};

template <class F> auto mailStep(F&& step)
{
    try {
        return step();
    } catch (const mail::MailError& e) {
        throw CliError(e.what());
    } catch (const delivery::DeliveryError& e) {
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
    const fs::path dir = mailStep([&] { return delivery::outboxDir(o.pdfDir); });
    std::string password;
    if (settings && !o.compose)
        password = obtainPassword(*settings, settingsPath(), o.passwordFile);

    delivery::DeliveryContext dc = deliveryContext(ctx);
    delivery::OutboxHandout h;
    gated([&] { h = delivery::writeOutboxHandout(dc, planId, o.revision, o, "email", o.overrideReason, dir); });
    warnOverride(ctx, h.written.overridden.size());
    printWarnings(ctx, h.pdf.string(), h.written.warnings);

    mail::MailMessage m;
    try {
        delivery::MailText text = delivery::handoutMailText(tmpl, dc.clinic, h.written.handout);
        if (!o.subject.empty())
            text.subject = o.subject;
        m = delivery::handoutMessage(settings.value_or(mail::MailSettings{}), dc.clinic, o.to, text, h);
        if (o.compose) {
            mail::composeWithXdgEmail({m.to, m.subject, m.body, h.pdf});
            ctx.out() << h.pdf.string() << '\n';
            ctx.err() << "opened the message in your mail program; it is not logged as sent, because StretchPlan "
                         "cannot see whether you send it\n";
            return;
        }
    } catch (const mail::MailError& e) {
        throw CliError(std::string(e.what()) + "\nnothing was sent; the handout is kept at " + h.pdf.string());
    }
    mailStep([&] { delivery::sendHandoutMail(*settings, password, m); });
    mailStep([&] { delivery::logSentMail(ctx.store(), h.written.handout.revision.id, m); });
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
