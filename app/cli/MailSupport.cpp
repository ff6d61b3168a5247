#include "cli/MailSupport.h"
#include "cli/TerminalPrompt.h"

#include "delivery/DeliveryContext.h"
#include "delivery/MailSetup.h"
#include "mail/MailError.h"
#include "mail/PasswordStore.h"
#include "mail/SmtpSender.h"

#include <ostream>

namespace fs = std::filesystem;

namespace sp::cli {
namespace {

// Reads one line from the terminal with echo off. Throws CliError without a terminal.
std::string promptPassword(const std::string& prompt)
{
    if (auto line = readHiddenLine(prompt))
        return *line;
    throw CliError("no SMTP password: there is no terminal to ask on; set " +
                   std::string(delivery::kPasswordVariable) +
                   ", give --password-file FILE, or store it with 'mail configure --password-store keyring|file'");
}

// A DeliveryError (it names what and where) becomes a CliError, exit 3.
template <class F> auto cliStep(F&& step)
{
    try {
        return step();
    } catch (const delivery::DeliveryError& e) {
        throw CliError(e.what());
    }
}

} // namespace

fs::path settingsPath()
{
    return cliStep([] { return delivery::mailSettingsPath(); });
}

std::optional<mail::MailSettings> loadMailSettings()
{
    return cliStep([] { return delivery::loadMailSettings(); });
}

std::vector<fs::path> emailTemplateDirs()
{
    return cliStep([] { return delivery::emailTemplateDirs(); });
}

std::string securityLabel(mail::MailSecurity s)
{
    switch (s) {
    case mail::MailSecurity::Smtps: return "smtps (TLS from the first byte)";
    case mail::MailSecurity::Plain: return "plain (NOT ENCRYPTED: for a relay on this machine only)";
    case mail::MailSecurity::StartTls: break;
    }
    return "starttls (TLS required before anything is sent)";
}

void addPasswordFileOption(CLI::App* cmd, std::string& passwordFile)
{
    cmd->add_option("--password-file", passwordFile,
                    "Read the SMTP password from the first line of this file (yours alone: chmod 600); for scripts. "
                    "$SP_SMTP_PASSWORD is read first");
}

std::string obtainPassword(const mail::MailSettings& s, const fs::path& settingsFile, const std::string& passwordFile)
{
    if (auto stored = cliStep([&] { return delivery::storedPassword(s, settingsFile, passwordFile); }))
        return *stored;
    return promptPassword("SMTP password for " + s.username + "@" + s.host + ": ");
}

void storePassword(const mail::MailSettings& s, const fs::path& settingsFile, const std::string& passwordFile,
                   std::ostream& err)
{
    try {
        // Choosing another store (or no login) must not leave the old plain-text copy behind.
        if (s.username.empty() || s.passwordStorage != mail::PasswordStorage::File)
            mail::removePasswordFile(mail::passwordFilePath(settingsFile));
        if (s.username.empty() || s.passwordStorage == mail::PasswordStorage::Ask)
            return;
        if (s.passwordStorage == mail::PasswordStorage::Keyring && !mail::keyringReachable())
            throw CliError("no keyring (Secret Service) answers in this session: choose --password-store ask, or "
                           "--password-store file to keep it in a file only you can read");
        std::string password = cliStep([&] { return delivery::givenPassword(passwordFile); }).value_or("");
        if (password.empty())
            password = promptPassword("SMTP password for " + s.username + "@" + s.host + ": ");
        if (password.empty())
            throw CliError("no password given: nothing saved");
        if (s.passwordStorage == mail::PasswordStorage::Keyring) {
            mail::keyringStore(s, password);
            err << "the SMTP password is in your keyring\n";
        } else {
            mail::writePasswordFile(mail::passwordFilePath(settingsFile), password);
            err << "the SMTP password is in " << mail::passwordFilePath(settingsFile).string()
                << " (readable by you alone)\n";
        }
    } catch (const mail::MailError& e) {
        throw CliError(e.what());
    }
}

void sendOrFail(const mail::MailSettings& settings, const std::string& password, const mail::MailMessage& message,
                const fs::path& keptPdf)
{
    const std::string kept = keptPdf.empty() ? "" : "\nnothing was sent; the handout is kept at " + keptPdf.string();
    try {
        mail::sendMail(settings, password, message);
    } catch (const mail::SendError& e) {
        throw CliError(std::string(e.what()) + kept);
    } catch (const mail::MailError& e) {
        throw CliError(std::string(e.what()) + kept);
    }
}

} // namespace sp::cli
