#include "db/OpenStore.h"

#include "db/StoreCopy.h"
#include "db/postgres/PostgresStore.h"
#include "db/sqlite/SqliteStore.h"

#include <regex>

namespace sp::db {

bool isServerLocation(const std::string& location)
{
    if (location.rfind("postgresql://", 0) == 0 || location.rfind("postgres://", 0) == 0)
        return true;
    // libpq's keyword=value form: the first word is a keyword followed by '='.
    static const std::regex keyword(R"(^\s*(service|host|hostaddr|dbname|port|user)\s*=)");
    return std::regex_search(location, keyword);
}

std::string displayLocation(const std::string& location)
{
    static const std::regex uriPassword(R"(^(postgres(?:ql)?://[^:@/]*):[^@/]*@)");
    static const std::regex keywordPassword(R"((^|\s)password\s*=\s*('([^'\\]|\\.)*'|\S+))");
    std::string shown = std::regex_replace(location, uriPassword, "$1@");
    shown = std::regex_replace(shown, keywordPassword, "$1password=***");
    static const std::regex queryPassword(R"(([?&])password=[^&]*)");
    return std::regex_replace(shown, queryPassword, "$1password=***");
}

std::unique_ptr<ClinicStore> openClinicStore(const std::string& location, const StoreOptions& options)
{
    if (!isServerLocation(location))
        return openSqliteStore(location, options);
    StoreOptions fileOptions = options;
    return openPostgresStore(location, options, [fileOptions](ClinicStore& server, const std::filesystem::path& target) {
        return backupToFile(server, target, fileOptions);
    });
}

int initClinicDatabase(const std::string& location, const StoreOptions& options)
{
    if (isServerLocation(location))
        return initPostgresDatabase(location, options);
    return openSqliteStore(location, options)->schemaVersion();
}

void confirmPassword(const std::string& location, const std::string& password, int connectTimeoutS)
{
    if (!isServerLocation(location))
        throw DbError(DbErrorKind::Invalid, "a clinic database file has no passwords of its own");
    confirmServerPassword(location, password, connectTimeoutS);
}

int latestSchemaVersionFor(const std::string& location)
{
    return isServerLocation(location) ? latestPostgresSchemaVersion() : latestSchemaVersion();
}

} // namespace sp::db
