#include "db/postgres/PgConnect.h"

#include "db/ClinicStore.h"

#include <libpq-fe.h>

#include <map>
#include <memory>

namespace sp::db::postgres {
namespace {

std::string quoted(const std::string& value)
{
    std::string out = "'";
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    return out + "'";
}

} // namespace

bool isLoopbackHost(const std::string& host)
{
    return host.empty() || host.front() == '/' || host.front() == '@' || host == "localhost" || host == "::1" ||
           host.rfind("127.", 0) == 0;
}

std::map<std::string, std::string> parseLocation(const std::string& location)
{
    char* error = nullptr;
    std::unique_ptr<PQconninfoOption, decltype(&PQconninfoFree)> parsed(PQconninfoParse(location.c_str(), &error),
                                                                         &PQconninfoFree);
    if (!parsed) {
        std::string why = error ? error : "out of memory";
        PQfreemem(error);
        while (!why.empty() && why.back() == '\n')
            why.pop_back();
        throw DbError(DbErrorKind::Invalid, "\"" + location + "\" is not a database location libpq understands: " + why,
                      {{"db", why}});
    }
    std::map<std::string, std::string> given;
    for (const PQconninfoOption* o = parsed.get(); o->keyword; ++o)
        if (o->val && *o->val)
            given[o->keyword] = o->val;
    return given;
}

ConnectTarget connectTarget(const std::string& location, const std::string& password, int connectTimeoutS)
{
    std::map<std::string, std::string> given = parseLocation(location);
    ConnectTarget target;
    target.viaService = given.count("service") > 0;
    const std::string host = given.count("host") ? given["host"] : given.count("hostaddr") ? given["hostaddr"] : "";
    // A comma-separated host list is judged by its every member.
    bool remote = false;
    for (std::size_t start = 0; start <= host.size();) {
        const std::size_t comma = host.find(',', start);
        const std::string one = host.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        remote = remote || !isLoopbackHost(one);
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (remote && !given.count("sslmode") && !target.viaService)
        given["sslmode"] = "verify-full";
    if (!given.count("connect_timeout"))
        given["connect_timeout"] = std::to_string(connectTimeoutS);
    if (!given.count("application_name"))
        given["application_name"] = "StretchPlan";
    if (!password.empty())
        given["password"] = password;
    for (const auto& [key, value] : given)
        target.conninfo += (target.conninfo.empty() ? "" : " ") + key + "=" + quoted(value);
    const std::string port = given.count("port") ? given["port"] : "5432";
    const std::string database = given.count("dbname") ? given["dbname"] : given.count("user") ? given["user"] : "";
    target.where = target.viaService ? "service " + given["service"]
                                     : (host.empty() ? std::string("localhost") : host) + ":" + port + "/" + database;
    return target;
}

} // namespace sp::db::postgres
