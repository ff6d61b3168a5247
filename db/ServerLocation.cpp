#include "db/ServerLocation.h"

#include "db/ClinicStore.h"
#include "db/postgres/PgConnect.h"

#include <cstdio>
#include <map>
#include <string_view>
#include <vector>

namespace sp::db {
namespace {

std::string uriPart(const std::string& text)
{
    static const char* safe = "-._~";
    std::string out;
    for (const unsigned char c : text) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
            std::string_view(safe).find(static_cast<char>(c)) != std::string_view::npos) {
            out += static_cast<char>(c);
        } else {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X", c);
            out += escaped;
        }
    }
    return out;
}

std::string valueOr(const std::map<std::string, std::string>& given, const char* key, std::string fallback = {})
{
    const auto found = given.find(key);
    return found == given.end() ? fallback : found->second;
}

} // namespace

ServerFields serverFields(const std::string& location)
{
    const auto given = postgres::parseLocation(location);
    ServerFields f;
    f.service = valueOr(given, "service");
    f.host = valueOr(given, "host", valueOr(given, "hostaddr"));
    f.user = valueOr(given, "user");
    f.database = valueOr(given, "dbname", f.user);
    f.sslmode = valueOr(given, "sslmode");
    f.sslrootcert = valueOr(given, "sslrootcert");
    f.passwordGiven = given.count("password") > 0;
    const std::string port = valueOr(given, "port");
    if (!port.empty()) {
        try {
            f.port = std::stoi(port);
        } catch (const std::exception&) {
            throw DbError(DbErrorKind::Invalid, "the port \"" + port + "\" is not a number", {{"port", "not a number"}});
        }
    }
    return f;
}

std::string serverLocation(const ServerFields& f)
{
    if (!f.service.empty())
        return "service=" + f.service;
    std::vector<FieldError> errors;
    if (f.host.empty())
        errors.push_back({"host", "give the server's name or address"});
    if (f.port < 1 || f.port > 65535)
        errors.push_back({"port", "a port is a number from 1 to 65535"});
    if (f.database.empty())
        errors.push_back({"database", "give the database's name"});
    if (f.user.empty())
        errors.push_back({"user", "give the user name the server knows you by"});
    if (!errors.empty()) {
        std::string message = "the server location is incomplete:";
        for (const FieldError& e : errors)
            message += " " + e.field + ": " + e.message + ";";
        message.pop_back();
        throw DbError(DbErrorKind::Invalid, message, errors);
    }
    // A literal IPv6 address goes in brackets; a socket folder is a query parameter.
    std::string host;
    std::string query;
    if (f.host.front() == '/')
        query = "host=" + uriPart(f.host);
    else
        host = f.host.find(':') != std::string::npos ? "[" + f.host + "]" : uriPart(f.host);
    const auto add = [&query](const std::string& key, const std::string& value) {
        if (!value.empty())
            query += (query.empty() ? "" : "&") + key + "=" + uriPart(value);
    };
    add("sslmode", f.sslmode);
    add("sslrootcert", f.sslrootcert);
    return "postgresql://" + uriPart(f.user) + "@" + host + ":" + std::to_string(f.port) + "/" + uriPart(f.database) +
           (query.empty() ? "" : "?" + query);
}

std::string withUser(const std::string& location, const std::string& user)
{
    ServerFields f = serverFields(location);
    if (user.empty())
        throw DbError(DbErrorKind::Invalid, "give the user name the server knows you by",
                      {{"user", "give the user name the server knows you by"}});
    if (f.service.empty()) {
        f.user = user;
        return serverLocation(f);
    }
    const auto quoted = [](const std::string& value) {
        std::string out = "'";
        for (const char c : value)
            out += (c == '\'' || c == '\\') ? std::string("\\") + c : std::string(1, c);
        return out + "'";
    };
    return "service=" + quoted(f.service) + " user=" + quoted(user);
}

std::string serverOf(const ServerFields& f)
{
    if (!f.service.empty())
        return "service " + f.service;
    return (f.host.empty() ? std::string("localhost") : f.host) + ":" + std::to_string(f.port) + "/" + f.database;
}

std::string accountOf(const ServerFields& f)
{
    return f.user.empty() ? serverOf(f) : f.user + "@" + serverOf(f);
}

} // namespace sp::db
