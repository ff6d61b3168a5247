#include "mail/MailSettings.h"

#include "core/JsonReader.h"
#include "mail/Address.h"
#include "mail/Headers.h"
#include "mail/MailError.h"

#include <cctype>

#include <arpa/inet.h>
#include <netinet/in.h>

namespace sp::mail {
namespace {

constexpr int kMinTimeout_s = 1;
constexpr int kMaxTimeout_s = 600;

// A DNS name or an IP literal: no spaces, no URL syntax, nothing curl would read as more.
std::string hostProblem(const std::string& host)
{
    if (host.empty())
        return "is empty";
    if (host.size() > 253)
        return "is longer than 253 characters";
    for (char c : host) {
        const auto u = static_cast<unsigned char>(c);
        if (!(std::isalnum(u) || c == '.' || c == '-' || c == ':'))
            return "\"" + host + "\" is not a host name or IP address (only letters, digits, '.', '-' and ':')";
    }
    return {};
}

std::string singleLineProblem(const std::string& field, const std::string& value)
{
    try {
        requireSingleLine(field, value);
        return {};
    } catch (const MailError& e) {
        return e.what();
    }
}

} // namespace

bool isLoopbackHost(const std::string& host)
{
    std::string lower;
    for (char c : host)
        lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "localhost")
        return true;
    in_addr v4{};
    if (::inet_pton(AF_INET, host.c_str(), &v4) == 1)
        return (ntohl(v4.s_addr) >> 24) == 127;
    in6_addr v6{};
    return ::inet_pton(AF_INET6, host.c_str(), &v6) == 1 && IN6_IS_ADDR_LOOPBACK(&v6);
}

std::string plainLoginProblem(const MailSettings& s)
{
    if (s.security != MailSecurity::Plain || s.username.empty() || isLoopbackHost(s.host))
        return {};
    return "plain would send the login and password for " + s.username + " unencrypted to " + s.host +
           ", where anyone on the way can read them; use starttls or smtps, or plain only for a relay on this "
           "machine (localhost, 127.0.0.1, ::1)";
}

int defaultPort(MailSecurity security)
{
    switch (security) {
    case MailSecurity::Smtps: return 465;
    case MailSecurity::Plain: return 25;
    case MailSecurity::StartTls: break;
    }
    return 587;
}

std::vector<Problem> checkMailSettings(const MailSettings& s, const std::string& file)
{
    std::vector<Problem> problems;
    ProblemSink sink(file, problems);
    if (const std::string why = hostProblem(s.host); !why.empty())
        sink.add("/mail/host", why);
    if (s.port < 1 || s.port > 65535)
        sink.add("/mail/port", std::to_string(s.port) + " is not a port number (1-65535)");
    if (!parseEnum<MailSecurity>(toString(s.security)))
        sink.add("/mail/security", "is not one of " + enumChoices<MailSecurity>());
    if (const std::string why = plainLoginProblem(s); !why.empty())
        sink.add("/mail/security", why);
    if (!parseEnum<PasswordStorage>(toString(s.passwordStorage)))
        sink.add("/mail/password_store", "is not one of " + enumChoices<PasswordStorage>());
    if (const std::string why = singleLineProblem("username", s.username); !why.empty())
        sink.add("/mail/username", why);
    if (s.username.size() > 256)
        sink.add("/mail/username", "is longer than 256 characters");
    if (const std::string why = addressProblem(s.fromAddress); !why.empty())
        sink.add("/mail/from_address", "\"" + s.fromAddress + "\" is not a usable e-mail address: " + why);
    if (const std::string why = singleLineProblem("sender name", s.fromName); !why.empty())
        sink.add("/mail/from_name", why);
    if (s.fromName.size() > 200)
        sink.add("/mail/from_name", "is longer than 200 bytes");
    if (const std::string why = singleLineProblem("CA file", s.caFile); !why.empty())
        sink.add("/mail/ca_file", why);
    for (const auto& [key, value] : {std::pair{"connect_timeout_s", s.connectTimeout_s},
                                     std::pair{"transfer_timeout_s", s.transferTimeout_s}})
        if (value < kMinTimeout_s || value > kMaxTimeout_s)
            sink.add(std::string("/mail/") + key, std::to_string(value) + " is out of range (1-600 seconds)");
    return problems;
}

std::optional<MailSettings> parseMailSettings(const Json& section, ProblemSink& sink)
{
    const std::size_t before = sink.count();
    ObjectReader r(section, "/mail", sink);
    MailSettings s;
    const TextRule line{0, 1000};
    s.host = r.text("host", {1, 253}).value_or("");
    s.security = r.enumeration<MailSecurity>("security").value_or(MailSecurity::StartTls);
    s.port = static_cast<int>(r.integer("port", 1, 65535, Presence::Optional).value_or(defaultPort(s.security)));
    s.username = r.text("username", line, Presence::Optional).value_or("");
    s.fromAddress = r.text("from_address", {1, 254}).value_or("");
    s.fromName = r.text("from_name", line, Presence::Optional).value_or("");
    s.caFile = r.text("ca_file", {0, 4096}, Presence::Optional).value_or("");
    s.connectTimeout_s = static_cast<int>(
        r.integer("connect_timeout_s", kMinTimeout_s, kMaxTimeout_s, Presence::Optional).value_or(s.connectTimeout_s));
    s.transferTimeout_s = static_cast<int>(
        r.integer("transfer_timeout_s", kMinTimeout_s, kMaxTimeout_s, Presence::Optional).value_or(s.transferTimeout_s));
    s.passwordStorage = r.enumeration<PasswordStorage>("password_store", Presence::Optional).value_or(s.passwordStorage);
    r.finish();
    if (sink.count() != before)
        return std::nullopt;
    std::vector<Problem> problems = checkMailSettings(s, sink.file());
    for (Problem& p : problems)
        sink.add(p.pointer, p.message);
    return problems.empty() ? std::optional(s) : std::nullopt;
}

Json toJson(const MailSettings& s)
{
    Json j = {{"host", s.host},
              {"port", s.port},
              {"security", std::string(toString(s.security))},
              {"from_address", s.fromAddress},
              {"connect_timeout_s", s.connectTimeout_s},
              {"transfer_timeout_s", s.transferTimeout_s},
              {"password_store", std::string(toString(s.passwordStorage))}};
    if (!s.username.empty())
        j["username"] = s.username;
    if (!s.fromName.empty())
        j["from_name"] = s.fromName;
    if (!s.caFile.empty())
        j["ca_file"] = s.caFile;
    return j;
}

} // namespace sp::mail
