// `mail configure|show|test`: the SMTP settings and a test message; also registers
// `plan email` (PlanEmailCommand.cpp). Exit 3 on every failure to send, with the cause
// named.
#include "cli/Commands.h"
#include "cli/MailSupport.h"
#include "mail/MailError.h"
#include "mail/MailSettings.h"
#include "mail/PasswordStore.h"
#include "settings/SettingsFile.h"

#include <ctime>
#include <ostream>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

using mail::MailSettings;

void addMailConfigure(CLI::App* group, CliContext& ctx, int& exitCode)
{
    struct Options {
        MailSettings s;
        std::string security = "starttls", store, passwordFile;
        int port = 0;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = group->add_subcommand("configure", "Set the SMTP server handouts are sent through");
    cmd->add_option("--host", o->s.host, "SMTP server name or address")->required();
    cmd->add_option("--port", o->port, "Port (default: 587 starttls, 465 smtps, 25 plain)")->check(CLI::Range(1, 65535));
    cmd->add_option("--security", o->security, "starttls (default), smtps, or plain (unencrypted, local relay only)")
        ->check(CLI::IsMember({"starttls", "smtps", "plain"}));
    cmd->add_option("--username", o->s.username, "Login name (leave out when the server needs no login)");
    cmd->add_option("--from", o->s.fromAddress, "Sender address")->required();
    cmd->add_option("--from-name", o->s.fromName, "Sender name (default: the clinic's name)");
    cmd->add_option("--ca-file", o->s.caFile, "Trust this CA certificate (PEM) for the server, e.g. the clinic's own CA")
        ->check(CLI::ExistingFile);
    cmd->add_option("--connect-timeout", o->s.connectTimeout_s, "Seconds to wait for a connection (1-600)");
    cmd->add_option("--timeout", o->s.transferTimeout_s, "Seconds a whole send may take (1-600)");
    cmd->add_option("--password-store", o->store,
                    "keyring (default when one is running), file (a 0600 file), or ask (every time)")
        ->check(CLI::IsMember({"keyring", "file", "ask"}));
    addPasswordFileOption(cmd, o->passwordFile);
    cmd->callback([&ctx, &exitCode, o] {
        MailSettings s = o->s;
        s.security = *parseEnum<mail::MailSecurity>(o->security);
        s.port = o->port ? o->port : mail::defaultPort(s.security);
        if (!s.caFile.empty())
            s.caFile = fs::absolute(s.caFile).lexically_normal().string();
        if (o->store.empty())
            s.passwordStorage = mail::keyringReachable() ? mail::PasswordStorage::Keyring : mail::PasswordStorage::Ask;
        else
            s.passwordStorage = *parseEnum<mail::PasswordStorage>(o->store);
        const fs::path path = settingsPath();
        if (const auto problems = mail::checkMailSettings(s, path.string()); !problems.empty())
            throw CliError("mail settings not saved:" + describeProblems(problems));
        storePassword(s, path, o->passwordFile, ctx.err());
        try {
            SettingsFile::update(path, [&](SettingsFile& f) { f.setSection("mail", mail::toJson(s)); });
        } catch (const SettingsError& e) {
            throw CliError(e.what());
        }
        ctx.out() << "mail settings saved in " << path.string() << '\n';
        if (s.security == mail::MailSecurity::Plain)
            ctx.err() << "warning: --security plain sends patient data unencrypted; use it only for a relay on this "
                         "machine\n";
        exitCode = kExitOk;
    });
}

void addMailShow(CLI::App* group, CliContext& ctx, int& exitCode)
{
    auto json = std::make_shared<bool>(false);
    CLI::App* cmd = group->add_subcommand("show", "Show the SMTP settings (never the password)");
    cmd->add_flag("--json", *json, "As JSON");
    cmd->callback([&ctx, &exitCode, json] {
        const auto s = loadMailSettings();
        if (*json) {
            ctx.out() << (s ? mail::toJson(*s) : Json::object()).dump(2) << '\n';
        } else if (!s) {
            ctx.out() << "no SMTP server configured (stretchplan-cli mail configure --host ... --from ...)\n";
        } else {
            ctx.out() << "server    " << s->host << ":" << s->port << "\n"
                      << "security  " << securityLabel(s->security) << "\n"
                      << "login     " << (s->username.empty() ? "(none)" : s->username) << "\n"
                      << "from      " << (s->fromName.empty() ? "" : s->fromName + " ") << "<" << s->fromAddress
                      << ">\n"
                      << "CA file   " << (s->caFile.empty() ? "(the system's)" : s->caFile) << "\n"
                      << "timeouts  connect " << s->connectTimeout_s << " s, send " << s->transferTimeout_s << " s\n"
                      << "password  " << toString(s->passwordStorage) << "\n";
        }
        exitCode = kExitOk;
    });
}

void addMailTest(CLI::App* group, CliContext& ctx, int& exitCode)
{
    struct Options {
        std::string to, passwordFile;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = group->add_subcommand("test", "Send a test message through the configured server");
    cmd->add_option("--to", o->to, "Recipient address")->required();
    addPasswordFileOption(cmd, o->passwordFile);
    cmd->callback([&ctx, &exitCode, o] {
        const auto s = loadMailSettings();
        if (!s)
            throw CliError("no SMTP server configured: run 'stretchplan-cli mail configure' first");
        mail::MailMessage m;
        m.fromName = s->fromName;
        m.fromAddress = s->fromAddress;
        m.to = o->to;
        m.subject = "StretchPlan test message";
        m.body = "This is a test message from StretchPlan.\n\nIf it arrived, handouts sent by e-mail will reach "
                 "this address through " + s->host + ".\n";
        m.prepare(std::time(nullptr));
        try {
            m.check();
        } catch (const mail::MailError& e) {
            throw CliError(e.what());
        }
        const std::string password = obtainPassword(*s, settingsPath(), o->passwordFile);
        sendOrFail(*s, password, m, {});
        ctx.out() << "sent a test message to " << m.to << " (Message-ID " << m.messageId << ")\n";
        exitCode = kExitOk;
    });
}

} // namespace

void addMailCommands(CLI::App& app, CliContext& ctx, int& exitCode)
{
    CLI::App* group = app.add_subcommand("mail", "The SMTP server handouts are e-mailed through");
    group->require_subcommand(1);
    addMailConfigure(group, ctx, exitCode);
    addPlanEmail(app, ctx, exitCode);
    addMailShow(group, ctx, exitCode);
    addMailTest(group, ctx, exitCode);
}

} // namespace sp::cli
