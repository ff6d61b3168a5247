#include "db/postgres/PgAccounts.h"

#include <libpq-fe.h>

#include <memory>

namespace sp::db::postgres {

using store::Statement;
using store::textOf;

StaffMember signedInMember(PgSession& session)
{
    Statement st(session,
                 "SELECT session_user, s.full_name, s.role, s.disabled, s.created_at, "
                 "pg_has_role(session_user, 'stretchplan_admin', 'MEMBER') OR "
                 "pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'staff'::regclass), 'MEMBER'), "
                 "pg_has_role(session_user, 'stretchplan_app', 'MEMBER') "
                 "FROM (SELECT 1) AS one LEFT JOIN staff s ON s.login = session_user");
    if (!st.executeStep())
        throw sql::SqlError(DbErrorKind::Internal, "the server did not say who is signed in");
    StaffMember m;
    m.login = textOf(st.getColumn(0));
    if (!st.getColumn(1).isNull()) {
        m.fullName = textOf(st.getColumn(1));
        m.role = store::enumOf<StaffRole>(st.getColumn(2));
        m.disabled = st.getColumn(3).getInt() != 0;
        m.createdAt = textOf(st.getColumn(4));
        return m;
    }
    m.fullName = m.login;
    m.role = st.getColumn(5).getInt() != 0   ? StaffRole::Admin
             : st.getColumn(6).getInt() != 0 ? StaffRole::Clinician
                                             : StaffRole::Reception;
    return m;
}

std::string scramVerifier(const std::string& conninfo, const std::string& login, const std::string& password)
{
    std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), &PQfinish);
    if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
        throw sql::SqlError(DbErrorKind::Unavailable,
                            std::string("cannot connect to hash the password: ") +
                                (conn ? PQerrorMessage(conn.get()) : "out of memory"));
    std::unique_ptr<char, decltype(&PQfreemem)> verifier(
        PQencryptPasswordConn(conn.get(), password.c_str(), login.c_str(), "scram-sha-256"), &PQfreemem);
    if (!verifier)
        throw sql::SqlError(DbErrorKind::Internal,
                            std::string("cannot hash the password: ") + PQerrorMessage(conn.get()));
    return verifier.get();
}

} // namespace sp::db::postgres
