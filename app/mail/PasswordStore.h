// Where the SMTP password lives. In the OS keyring (the Secret Service, through
// libsecret) when one answers; otherwise the clinician types it each time, or, only after
// choosing so explicitly, it sits in a file readable by its owner alone (0600). Never in
// the settings file, which users copy and back up.
#pragma once

#include "mail/MailSettings.h"

#include <filesystem>
#include <optional>
#include <string>

namespace sp::mail {

// True when a Secret Service answers on the session bus. Without a session bus it says
// false at once rather than waiting for D-Bus timeouts.
bool keyringReachable();

// The password stored for this host, port and user; nullopt when there is none.
// Throws MailError when the keyring refuses.
std::optional<std::string> keyringLookup(const MailSettings& settings);
void keyringStore(const MailSettings& settings, const std::string& password);
void keyringClear(const MailSettings& settings);

// "smtp-password" beside the settings file.
std::filesystem::path passwordFilePath(const std::filesystem::path& settingsFile);

// The first line of the file; nullopt when it does not exist. Throws MailError when it is
// readable by others than its owner (it is then not used), or cannot be read.
std::optional<std::string> readPasswordFile(const std::filesystem::path& file);
// Written to a temporary 0600 file and renamed into place.
void writePasswordFile(const std::filesystem::path& file, const std::string& password);
void removePasswordFile(const std::filesystem::path& file);

} // namespace sp::mail
