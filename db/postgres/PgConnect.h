// From what a user types as the clinic database (a postgresql:// URI, or libpq's
// keyword=value form such as "service=clinic") to the connection string the store uses:
// parsed by libpq itself, with StretchPlan's defaults and its one rule about TLS.
// Internal to the db libraries (db/ServerLocation.h builds on parseLocation).
#pragma once

#include <map>
#include <string>

namespace sp::db::postgres {

// The keywords libpq reads from `location` (a URI or keyword=value), those with a value
// only. Throws DbError(Invalid) when libpq cannot parse it.
std::map<std::string, std::string> parseLocation(const std::string& location);

struct ConnectTarget {
    std::string conninfo; // keyword=value, quoted for libpq; holds the password only when one was given
    std::string where;    // "host:port/database" for messages (never the password)
    bool viaService = false;
};

// Throws DbError(Invalid) when libpq cannot parse `location`, and DbError(Auth) when it
// names a server that is not on this computer without TLS verification
// (sslmode=verify-full or verify-ca) and without an explicit sslmode: a clinic's records
// do not cross a network unencrypted or to an unverified server by default. A missing
// sslmode for such a server becomes verify-full. connect_timeout defaults to
// `connectTimeoutS`; `password`, when not empty, is used instead of libpq's own sources
// (PGPASSWORD, ~/.pgpass).
ConnectTarget connectTarget(const std::string& location, const std::string& password, int connectTimeoutS);

// True for a Unix socket folder, "localhost" and loopback addresses.
bool isLoopbackHost(const std::string& host);

} // namespace sp::db::postgres
