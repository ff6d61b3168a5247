// A real, throw-away PostgreSQL 15 cluster for the tests: initdb into a fresh temporary
// folder, a server on 127.0.0.1 and a free port (and a private unix socket folder), stopped
// and removed in the destructor. Everything runs as child processes (initdb, pg_ctl, psql,
// openssl) with argument vectors, never through a shell; no libpq is linked here, so the
// fixture cannot hide a client bug behind its own connection code.
//
// Run as root (as CI does), the cluster belongs to the `postgres` user and the server
// programs run through `runuser -u postgres --`; as anyone else they run as that user.
// A machine without the server programs is an error, not a skipped test: run
// installer/deps.sh. SP_PG_BINDIR overrides where the programs are looked for.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sp::test {

// What a finished child process left behind.
struct ProcessResult {
    int exitCode = -1;   // the exit status; 128 + signal when killed; -1 when it never ran
    bool timedOut = false;
    std::string out, err;
    bool ok() const { return exitCode == 0 && !timedOut; }
};

// Runs a program (argument vector, no shell), its standard input /dev/null, and collects
// its output. The environment is this process's less every PG* variable (so a developer's
// PGSERVICE or PGSSLMODE cannot change what a test connects to), plus `extraEnv`. A child
// still running at `timeout` is killed with its process group.
ProcessResult runProcess(const std::vector<std::string>& args,
                         const std::vector<std::pair<std::string, std::string>>& extraEnv = {},
                         std::chrono::seconds timeout = std::chrono::seconds(60),
                         const std::filesystem::path& workDir = {});

// SQL quoting for the helpers' names and passwords (standard_conforming_strings is on).
std::string sqlLiteral(const std::string& text); // 'it''s'
std::string sqlIdentifier(const std::string& name); // "Name ""x"""

// Percent-encoding for one part of a postgresql:// URI (all but A-Z a-z 0-9 - . _ ~).
std::string uriEncode(const std::string& text);

// The PostgreSQL server programs' folder: SP_PG_BINDIR, else /usr/lib/postgresql/15/bin,
// else `pg_config --bindir`. Throws (naming installer/deps.sh) when initdb is not there.
std::filesystem::path pgBinDir();

struct PgClusterOptions {
    // ssl=on with a server certificate for localhost and 127.0.0.1, signed by a test CA
    // made for this cluster (caFile()); a second, unrelated CA is wrongCaFile().
    bool tls = false;
    // The tests' clusters run with fsync off (many short-lived clusters, nothing to keep);
    // a benchmark or a crash drill runs with it on, as a clinic's server does.
    bool fsync = false;
    int sharedBuffersMb = 16;
    int maxConnections = 100;
    // How long a start may take (pg_ctl -t): after a crash the server replays its log first.
    int startTimeoutS = 30;
};

enum class StopMode { Fast, Immediate };

class PgCluster {
public:
    // Makes the cluster (initdb) and starts it; throws with the server log on failure.
    explicit PgCluster(const PgClusterOptions& options = {});
    // Stops the server (immediate) and removes the folder; never throws.
    ~PgCluster();
    PgCluster(const PgCluster&) = delete;
    PgCluster& operator=(const PgCluster&) = delete;

    // Starts a stopped server, on the same port when it is still free (a restart keeps
    // the URIs already handed out), else on another free one.
    void start();
    void stop(StopMode mode = StopMode::Fast);
    void restart(StopMode mode = StopMode::Fast);
    bool running() const;

    int port() const { return m_port; }
    std::string host() const { return "127.0.0.1"; }
    std::string socketDir() const { return (m_dir / "socket").string(); }
    std::filesystem::path folder() const { return m_dir; }

    // The superuser ("postgres"), reachable over TCP with its password too.
    std::string superuser() const { return "postgres"; }
    std::string superuserPassword() const { return m_superPassword; }

    // postgresql://user:password@127.0.0.1:port/db[?extraQuery]; user and password
    // percent-encoded, extraQuery (e.g. "sslmode=verify-full&sslrootcert=...") as given.
    std::string uri(const std::string& user, const std::string& password, const std::string& db,
                    const std::string& extraQuery = "") const;
    // The same with another host name in place of 127.0.0.1 (e.g. "localhost").
    std::string uriWithHost(const std::string& hostName, const std::string& user, const std::string& password,
                            const std::string& db, const std::string& extraQuery = "") const;

    // Runs SQL as the superuser over the unix socket (psql -X -q -A -t -v ON_ERROR_STOP=1)
    // and returns its standard output; throws with psql's standard error on failure.
    std::string psql(const std::string& sql, const std::string& db = "postgres") const;

    void createRole(const std::string& name, const std::string& password, bool login = true,
                    const std::vector<std::string>& memberOf = {}) const;
    void createDatabase(const std::string& name, const std::string& owner) const;
    // Ends every session of `user` (pg_terminate_backend); returns how many there were.
    int terminateBackends(const std::string& user) const;

    // The last `lines` lines of the server log, for failure messages.
    std::string logTail(int lines = 40) const;

    // Only with options.tls: the CA that signed the server certificate, and one that did not.
    std::string caFile() const;
    std::string wrongCaFile() const;

private:
    std::vector<std::string> asServerUser(std::vector<std::string> args) const;
    ProcessResult runServerProgram(const std::vector<std::string>& args, std::chrono::seconds timeout) const;
    void makeFolder();
    void initdb();
    void makeCertificates();
    void writeConfig() const;
    bool tryStart(std::string& why);
    void killLeftover() noexcept;

    PgClusterOptions m_options;
    std::filesystem::path m_bin, m_dir;
    std::string m_superPassword;
    int m_port = 0;
    bool m_asRoot = false;
};

// A loopback port where nothing listens: bound (port 0), read and released again.
int freeLoopbackPort();
// Whether something could listen on 127.0.0.1:port right now (bound with SO_REUSEADDR, as
// PostgreSQL binds, so leftover TIME_WAIT connections do not count).
bool loopbackPortFree(int port);

} // namespace sp::test
