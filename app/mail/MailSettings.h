// The "mail" section of the settings file: which SMTP server to use and how. The password
// is never here (see PasswordStore.h). Read strictly: every problem is reported with its
// JSON pointer, and a section that does not validate is not used at all.
#pragma once

#include "core/Enums.h"
#include "core/JsonText.h"
#include "core/Problem.h"

#include <optional>
#include <string>
#include <vector>

namespace sp::mail {

// starttls: SMTP that must switch to TLS before anything is sent (never "if offered").
// smtps: TLS from the first byte. plain: no encryption, for a relay on the same machine.
enum class MailSecurity { StartTls = 1, Smtps, Plain };
enum class PasswordStorage { Keyring = 1, File, Ask };

} // namespace sp::mail

namespace sp {
template <> struct EnumNames<mail::MailSecurity> {
    static constexpr std::array<std::pair<mail::MailSecurity, std::string_view>, 3> values{{
        {mail::MailSecurity::StartTls, "starttls"},
        {mail::MailSecurity::Smtps, "smtps"},
        {mail::MailSecurity::Plain, "plain"},
    }};
};
template <> struct EnumNames<mail::PasswordStorage> {
    static constexpr std::array<std::pair<mail::PasswordStorage, std::string_view>, 3> values{{
        {mail::PasswordStorage::Keyring, "keyring"},
        {mail::PasswordStorage::File, "file"},
        {mail::PasswordStorage::Ask, "ask"},
    }};
};
} // namespace sp

namespace sp::mail {

struct MailSettings {
    std::string host;
    int port = 587;
    MailSecurity security = MailSecurity::StartTls;
    std::string username; // empty: the server takes mail without AUTH
    std::string fromAddress;
    std::string fromName;
    std::string caFile; // empty: the system's CA certificates
    int connectTimeout_s = 15;
    int transferTimeout_s = 120;
    PasswordStorage passwordStorage = PasswordStorage::Ask;
};

// 587 for STARTTLS (submission), 465 for implicit TLS, 25 for a plain relay.
int defaultPort(MailSecurity security);

// "localhost", 127.0.0.0/8 or ::1: the only hosts a plain (unencrypted) login may go to.
bool isLoopbackHost(const std::string& host);

// Why these settings must not be used to log in (plain security with a username and a
// host other than this machine: the password would cross the network in clear); empty
// when they may.
std::string plainLoginProblem(const MailSettings& settings);

// Every problem with the values, each naming its field; empty when usable.
std::vector<Problem> checkMailSettings(const MailSettings& settings, const std::string& file);

// The section as stored; nullopt with problems added to `sink` when it is not usable.
std::optional<MailSettings> parseMailSettings(const Json& section, ProblemSink& sink);
Json toJson(const MailSettings& settings);

} // namespace sp::mail
