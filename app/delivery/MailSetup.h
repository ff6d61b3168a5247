// Where a front end finds what it needs to send: the "mail" section of the settings file,
// the e-mail templates, and the SMTP password when it can be had without asking. Asking
// (a terminal prompt, a password dialog) is the front end's job.
#pragma once

#include "mail/MailSettings.h"

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace sp::delivery {

inline constexpr const char* kPasswordVariable = "SP_SMTP_PASSWORD";

// $SP_SETTINGS_FILE or ~/.config/stretchplan/settings.json; DeliveryError without HOME.
std::filesystem::path mailSettingsPath();

// The "mail" section; nullopt when none is configured. A section that does not validate
// is a DeliveryError naming each problem, never silently ignored.
std::optional<mail::MailSettings> loadMailSettings();

// The user's e-mail templates (templates/email beside the settings file), then the built-in ones.
std::vector<std::filesystem::path> emailTemplateDirs();

// $SP_SMTP_PASSWORD, or the first line of `passwordFile` when one is named (DeliveryError
// when it is missing or readable by others); nullopt when neither gives one.
std::optional<std::string> givenPassword(const std::string& passwordFile);

// The SMTP password without asking anyone: empty when the settings have no username;
// else givenPassword(), then the configured store (keyring, the 0600 file). nullopt when
// it has to be asked for (the "ask" store, or no keyring in this session). DeliveryError
// when the store should hold it and does not.
std::optional<std::string> storedPassword(const mail::MailSettings& settings,
                                          const std::filesystem::path& settingsFile,
                                          const std::string& passwordFile = {});

} // namespace sp::delivery
