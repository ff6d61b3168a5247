// What the mail commands share: the "mail" settings section, where the SMTP password
// comes from, and turning a failed send into exit 3 with its cause.
#pragma once

#include "cli/CliContext.h"
#include "mail/MailMessage.h"
#include "mail/MailSettings.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace sp::cli {

// $SP_SETTINGS_FILE or ~/.config/stretchplan/settings.json.
std::filesystem::path settingsPath();

// The "mail" section; nullopt when none is configured. A section that does not validate
// is a CliError naming each problem, never silently ignored.
std::optional<mail::MailSettings> loadMailSettings();

// The user's e-mail templates (templates/email beside the settings file), then the built-in ones.
std::vector<std::filesystem::path> emailTemplateDirs();

std::string securityLabel(mail::MailSecurity security);

// --password-file FILE: a non-interactive password source for scripts and tests.
void addPasswordFileOption(CLI::App* cmd, std::string& passwordFile);

// The SMTP password, empty when the settings have no username. In order: $SP_SMTP_PASSWORD,
// --password-file, then the configured store (keyring, the 0600 file, or a prompt on the
// terminal). Throws CliError when none gives one.
std::string obtainPassword(const mail::MailSettings& settings, const std::filesystem::path& settingsFile,
                           const std::string& passwordFile);

// For `mail configure`: puts the password where the settings say (keyring or file; nothing
// for "ask"), reading it like obtainPassword but never from the store itself.
void storePassword(const mail::MailSettings& settings, const std::filesystem::path& settingsFile,
                   const std::string& passwordFile, std::ostream& err);

// Sends; a MailError or SendError becomes a CliError (exit 3) with the cause, naming
// `keptPdf` (when given) as where the handout is still to be found.
void sendOrFail(const mail::MailSettings& settings, const std::string& password, const mail::MailMessage& message,
                const std::filesystem::path& keptPdf);

// "plan email", added to the plan group.
void addPlanEmail(CLI::App& app, CliContext& ctx, int& exitCode);

} // namespace sp::cli
