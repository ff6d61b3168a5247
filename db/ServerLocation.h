// A clinic server's location as fields a person fills in (host, port, database, user and
// the TLS check), and back: what the app's "Open clinic database" dialog shows and builds,
// and the identity under which the OS keyring keeps the server's password.
#pragma once

#include <string>

namespace sp::db {

struct ServerFields {
    std::string host;          // a name, an address, or a Unix socket folder
    int port = 5432;
    std::string database;
    std::string user;
    std::string sslmode;       // empty: StretchPlan's default (verify-full off this computer)
    std::string sslrootcert;   // the clinic's CA certificate file, for verify-ca/verify-full
    std::string service;       // a pg_service.conf entry instead of the fields above
    bool passwordGiven = false; // the location holds a password (never returned itself)
    bool operator==(const ServerFields&) const = default;
};

// The fields libpq reads from a server location (a postgresql:// URI or keyword=value).
// A password in it is not returned. Throws DbError(Invalid) when libpq cannot parse it,
// naming what is wrong.
ServerFields serverFields(const std::string& location);

// The postgresql:// URI of the fields (service=NAME when a service is given), each part
// percent-encoded. Throws DbError(Invalid) with the field when host, database or user is
// empty, or the port is out of range.
std::string serverLocation(const ServerFields& fields);

// "user@host:port/database" (or "service NAME"): one server account, for the keyring and
// for messages; serverOf is the same without the user.
std::string accountOf(const ServerFields& fields);
std::string serverOf(const ServerFields& fields);

// The same server signed in as `user` (the sign-in dialog, switching user); a password in
// `location` is left out. Throws like serverFields and serverLocation.
std::string withUser(const std::string& location, const std::string& user);

} // namespace sp::db
