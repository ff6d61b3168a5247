// A throw-away PostgreSQL 15 server holding the generated clinic, for the benchmarks that
// measure the server backend: a PgCluster (tests/support) on 127.0.0.1 and a free port,
// fsync on as a clinic's server runs, the schema made by `db init` (initClinicDatabase)
// as the database's owner, and the rows of ClinicRows.h loaded with COPY, then one
// VACUUM (ANALYZE): what autovacuum does by itself after a bulk load such as `db copy`
// (PostgreSQL 13+ vacuums after inserts too), done at once so the first query does not
// meet a table it has not seen yet. The stores sign in as a member of stretchplan_app,
// over TCP, as a workstation does. Removed with everything in it when destroyed.
#pragma once

#include "support/PgCluster.h"

#include <string>

namespace sp::bench {

class ClinicServer {
public:
    // `pluginsDir`: the built-in packs, for the plan items' exercise snapshots. With
    // `rows` false the database has the schema and no records.
    ClinicServer(const std::string& pluginsDir, bool rows = true);

    // As a clinician's workstation signs in (postgresql://clinician:...@127.0.0.1:PORT/clinic).
    std::string appLocation() const;
    test::PgCluster& cluster() { return m_cluster; }
    double loadSeconds() const { return m_loadSeconds; }

private:
    test::PgCluster m_cluster;
    double m_loadSeconds = 0;
};

// The options of the benchmarks' cluster (also for a cluster made elsewhere).
test::PgClusterOptions benchClusterOptions();

} // namespace sp::bench
