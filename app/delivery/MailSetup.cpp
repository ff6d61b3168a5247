#include "delivery/MailSetup.h"

#include "delivery/DeliveryContext.h"
#include "mail/MailError.h"
#include "mail/PasswordStore.h"
#include "pluginhost/PluginDirs.h"
#include "settings/SettingsFile.h"

#include <cstdlib>

namespace fs = std::filesystem;

namespace sp::delivery {

fs::path mailSettingsPath()
{
    try {
        return defaultSettingsPath();
    } catch (const SettingsError& e) {
        throw DeliveryError(e.what());
    }
}

std::optional<mail::MailSettings> loadMailSettings()
{
    const fs::path path = mailSettingsPath();
    Json section;
    try {
        section = SettingsFile::load(path).section("mail");
    } catch (const SettingsError& e) {
        throw DeliveryError(e.what());
    }
    if (section.empty())
        return std::nullopt;
    std::vector<Problem> problems;
    ProblemSink sink(path.string(), problems);
    auto settings = mail::parseMailSettings(section, sink);
    if (!settings)
        throw DeliveryError("the mail settings cannot be used (run 'stretchplan-cli mail configure' again):" +
                            describeProblems(problems));
    return settings;
}

std::vector<fs::path> emailTemplateDirs()
{
    return {mailSettingsPath().parent_path() / "templates" / "email", builtInDataDir() / "templates" / "email"};
}

std::optional<std::string> givenPassword(const std::string& passwordFile)
{
    if (const char* fromEnv = std::getenv(kPasswordVariable); fromEnv && *fromEnv)
        return std::string(fromEnv);
    if (passwordFile.empty())
        return std::nullopt;
    try {
        auto password = mail::readPasswordFile(passwordFile);
        if (!password)
            throw DeliveryError("--password-file " + passwordFile + ": no such file");
        return password;
    } catch (const mail::MailError& e) {
        throw DeliveryError(e.what());
    }
}

std::optional<std::string> storedPassword(const mail::MailSettings& s, const fs::path& settingsFile,
                                          const std::string& passwordFile)
{
    if (s.username.empty())
        return std::string();
    if (auto given = givenPassword(passwordFile))
        return given;
    try {
        switch (s.passwordStorage) {
        case mail::PasswordStorage::Keyring:
            if (mail::keyringReachable()) {
                if (auto stored = mail::keyringLookup(s))
                    return stored;
                throw DeliveryError("the keyring holds no SMTP password for " + s.username + "@" + s.host +
                                    ": run 'stretchplan-cli mail configure' again");
            }
            break; // no keyring in this session: ask instead
        case mail::PasswordStorage::File:
            if (auto stored = mail::readPasswordFile(mail::passwordFilePath(settingsFile)))
                return stored;
            throw DeliveryError("no SMTP password file " + mail::passwordFilePath(settingsFile).string() +
                                ": run 'stretchplan-cli mail configure' again");
        case mail::PasswordStorage::Ask: break;
        }
    } catch (const mail::MailError& e) {
        throw DeliveryError(e.what());
    }
    return std::nullopt;
}

} // namespace sp::delivery
