#include "PgCluster.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace sp::test {
namespace fs = std::filesystem;

namespace {

constexpr const char* kDepsHint = "run installer/deps.sh (it installs Debian's postgresql, the server and psql)";

std::string readWhole(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    return s;
}

std::string describe(const std::vector<std::string>& args, const ProcessResult& r)
{
    std::string what = args.empty() ? std::string("?") : args.front();
    for (std::size_t i = 1; i < args.size() && i < 6; ++i)
        what += " " + args[i];
    if (args.size() > 6)
        what += " ...";
    std::string why = r.timedOut ? "timed out" : "exited with " + std::to_string(r.exitCode);
    return "`" + what + "` " + why + (r.err.empty() ? "" : ": " + trimmed(r.err)) +
           (r.out.empty() ? "" : "\n(stdout) " + trimmed(r.out));
}

std::string randomHex(std::size_t chars)
{
    std::random_device rd;
    std::string out;
    static const char digits[] = "0123456789abcdef";
    while (out.size() < chars) {
        unsigned v = rd();
        for (int i = 0; i < 8 && out.size() < chars; ++i, v >>= 4)
            out += digits[v & 0xf];
    }
    return out;
}

// A value inside single quotes in postgresql.conf.
std::string confQuoted(const std::string& s)
{
    std::string out = "'";
    for (char c : s)
        out += (c == '\'') ? std::string("''") : std::string(1, c);
    return out + "'";
}

fs::path findRunuser()
{
    for (const char* p : {"/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"})
        if (::access(p, X_OK) == 0)
            return p;
    throw std::runtime_error("PgCluster: running as root, but runuser (util-linux) is missing; " +
                             std::string(kDepsHint));
}

// Whether every folder from / down to `dir` lets others in (so the postgres user can reach it).
bool othersCanTraverse(const fs::path& dir)
{
    fs::path p;
    for (const auto& part : fs::absolute(dir)) {
        p /= part;
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0 || (st.st_mode & S_IXOTH) == 0)
            return false;
    }
    return true;
}

} // namespace

// ---------------------------------------------------------------------------------------
// Child processes

ProcessResult runProcess(const std::vector<std::string>& args,
                         const std::vector<std::pair<std::string, std::string>>& extraEnv,
                         std::chrono::seconds timeout, const fs::path& workDir)
{
    ProcessResult result;
    if (args.empty())
        throw std::invalid_argument("runProcess: no program");

    // Everything the child needs is made before fork (only async-signal-safe calls after).
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::strncmp(*e, "PG", 2) != 0)
            env.emplace_back(*e);
    for (const auto& [name, value] : extraEnv)
        env.push_back(name + "=" + value);
    std::vector<char*> envp, argv;
    for (std::string& e : env)
        envp.push_back(e.data());
    envp.push_back(nullptr);
    std::vector<std::string> argsCopy = args;
    for (std::string& a : argsCopy)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    const std::string dir = workDir.string();

    int outPipe[2], errPipe[2];
    if (::pipe2(outPipe, O_CLOEXEC) != 0)
        throw std::runtime_error("runProcess: pipe failed");
    if (::pipe2(errPipe, O_CLOEXEC) != 0) {
        ::close(outPipe[0]);
        ::close(outPipe[1]);
        throw std::runtime_error("runProcess: pipe failed");
    }
    const pid_t pid = ::fork();
    if (pid < 0) {
        for (int fd : {outPipe[0], outPipe[1], errPipe[0], errPipe[1]})
            ::close(fd);
        throw std::runtime_error("runProcess: fork failed");
    }
    if (pid == 0) {
        ::setpgid(0, 0); // its own group, so a timeout kills its children too
        if (!dir.empty() && ::chdir(dir.c_str()) != 0)
            ::_exit(126);
        const int devnull = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
        ::dup2(devnull, 0);
        ::dup2(outPipe[1], 1);
        ::dup2(errPipe[1], 2);
        ::execvpe(argv[0], argv.data(), envp.data());
        const char msg[] = "cannot run ";
        [[maybe_unused]] auto n = ::write(2, msg, sizeof msg - 1);
        n = ::write(2, argv[0], std::strlen(argv[0]));
        n = ::write(2, "\n", 1);
        ::_exit(127);
    }
    ::setpgid(pid, pid); // also from here, against the race with the child's own call
    ::close(outPipe[1]);
    ::close(errPipe[1]);

    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::array<pollfd, 2> fds{{{outPipe[0], POLLIN, 0}, {errPipe[0], POLLIN, 0}}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open = 2, status = 0;
    bool reaped = false;
    std::chrono::steady_clock::time_point drainUntil{};
    char buf[8192];
    while (open > 0) {
        const auto now = std::chrono::steady_clock::now();
        if (!reaped && now >= deadline) {
            result.timedOut = true;
            ::kill(-pid, SIGKILL);
            ::kill(pid, SIGKILL);
            break;
        }
        // A grandchild that kept the pipes open must not hold us past the child's end.
        if (reaped && now >= drainUntil)
            break;
        if (::poll(fds.data(), fds.size(), 50) < 0 && errno != EINTR)
            break;
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0)
                continue;
            const ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
            if (n > 0) {
                sinks[i]->append(buf, static_cast<std::size_t>(n));
            } else if (n == 0 || (errno != EINTR && errno != EAGAIN)) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open;
            }
        }
        if (!reaped && ::waitpid(pid, &status, WNOHANG) == pid) {
            reaped = true;
            drainUntil = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        }
    }
    for (auto& f : fds)
        if (f.fd >= 0)
            ::close(f.fd);
    if (!reaped)
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
    if (WIFEXITED(status))
        result.exitCode = WEXITSTATUS(status);
    else if (WIFSIGNALED(status))
        result.exitCode = 128 + WTERMSIG(status);
    return result;
}

std::string sqlLiteral(const std::string& text)
{
    std::string out = "'";
    for (char c : text)
        out += (c == '\'') ? std::string("''") : std::string(1, c);
    return out + "'";
}

std::string sqlIdentifier(const std::string& name)
{
    std::string out = "\"";
    for (char c : name)
        out += (c == '"') ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string uriEncode(const std::string& text)
{
    static const char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) && c < 0x80)
            out += static_cast<char>(c);
        else if (c == '-' || c == '.' || c == '_' || c == '~')
            out += static_cast<char>(c);
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xf];
        }
    }
    return out;
}

fs::path pgBinDir()
{
    if (const char* env = std::getenv("SP_PG_BINDIR"); env && *env) {
        if (::access((fs::path(env) / "initdb").c_str(), X_OK) != 0)
            throw std::runtime_error("PgCluster: SP_PG_BINDIR=" + std::string(env) +
                                     " has no initdb; unset it or " + kDepsHint);
        return env;
    }
    const fs::path debian = "/usr/lib/postgresql/15/bin";
    if (::access((debian / "initdb").c_str(), X_OK) == 0)
        return debian;
    const ProcessResult r = runProcess({"pg_config", "--bindir"}, {}, std::chrono::seconds(10));
    if (r.ok()) {
        const fs::path dir = trimmed(r.out);
        if (::access((dir / "initdb").c_str(), X_OK) == 0)
            return dir;
    }
    throw std::runtime_error("PgCluster: the PostgreSQL 15 server programs (initdb, pg_ctl, postgres) are not in " +
                             debian.string() + " nor in `pg_config --bindir`; " + kDepsHint +
                             " (or point SP_PG_BINDIR at them)");
}

// ---------------------------------------------------------------------------------------
// Ports

int freeLoopbackPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        throw std::runtime_error("cannot make a socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    ::close(fd);
    if (!ok)
        throw std::runtime_error("cannot find a free port");
    return ntohs(addr.sin_port);
}

bool loopbackPortFree(int port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd, 1) == 0;
    ::close(fd);
    return ok;
}

// ---------------------------------------------------------------------------------------
// The cluster

namespace {
struct ServerUser {
    uid_t uid;
    gid_t gid;
};

ServerUser postgresUser()
{
    const passwd* pw = ::getpwnam("postgres");
    if (!pw)
        throw std::runtime_error("PgCluster: running as root, but there is no `postgres` user; " +
                                 std::string(kDepsHint));
    return {pw->pw_uid, pw->pw_gid};
}

void giveToServerUser(const fs::path& p, bool asRoot)
{
    if (!asRoot)
        return;
    const ServerUser u = postgresUser();
    if (::chown(p.c_str(), u.uid, u.gid) != 0)
        throw std::runtime_error("PgCluster: cannot chown " + p.string() + " to postgres: " + std::strerror(errno));
}

void writeFile(const fs::path& p, const std::string& text, mode_t mode, bool asRoot)
{
    {
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out << text;
        if (!out)
            throw std::runtime_error("PgCluster: cannot write " + p.string());
    }
    ::chmod(p.c_str(), mode);
    giveToServerUser(p, asRoot);
}
} // namespace

PgCluster::PgCluster(const PgClusterOptions& options)
    : m_options(options), m_bin(pgBinDir()), m_superPassword(randomHex(24)), m_asRoot(::geteuid() == 0)
{
    try {
        makeFolder();
        if (m_options.tls)
            makeCertificates();
        initdb();
        start();
    } catch (...) {
        killLeftover();
        std::error_code ec;
        if (!m_dir.empty())
            fs::remove_all(m_dir, ec);
        throw;
    }
}

PgCluster::~PgCluster()
{
    killLeftover();
    std::error_code ec;
    fs::remove_all(m_dir, ec);
}

void PgCluster::makeFolder()
{
    fs::path base = fs::temp_directory_path();
    // The socket path must fit in sun_path; the postgres user must be able to reach the
    // folder when we are root. /tmp is the fallback for either.
    const std::size_t socketPathLength = (base / "sp-pg-XXXXXX/socket/.s.PGSQL.65535.lock").string().size();
    if (socketPathLength >= sizeof(sockaddr_un{}.sun_path) || (m_asRoot && !othersCanTraverse(base)))
        base = "/tmp";
    std::string templ = (base / "sp-pg-XXXXXX").string();
    if (!::mkdtemp(templ.data()))
        throw std::runtime_error("PgCluster: mkdtemp in " + base.string() + " failed: " + std::strerror(errno));
    m_dir = templ;
    giveToServerUser(m_dir, m_asRoot);
    fs::create_directory(m_dir / "socket");
    ::chmod((m_dir / "socket").c_str(), 0700);
    giveToServerUser(m_dir / "socket", m_asRoot);
}

std::vector<std::string> PgCluster::asServerUser(std::vector<std::string> args) const
{
    if (!m_asRoot)
        return args;
    std::vector<std::string> wrapped{findRunuser().string(), "-u", "postgres", "--"};
    wrapped.insert(wrapped.end(), args.begin(), args.end());
    return wrapped;
}

ProcessResult PgCluster::runServerProgram(const std::vector<std::string>& args, std::chrono::seconds timeout) const
{
    // LC_ALL=C: initdb and the server must not pick up a locale the machine lacks.
    return runProcess(asServerUser(args), {{"LC_ALL", "C"}, {"LANG", "C"}}, timeout, m_dir);
}

void PgCluster::initdb()
{
    const fs::path pwfile = m_dir / "superuser-password";
    writeFile(pwfile, m_superPassword + "\n", 0600, m_asRoot);
    const std::vector<std::string> args{(m_bin / "initdb").string(),
                                        "-D",
                                        (m_dir / "data").string(),
                                        "-U",
                                        superuser(),
                                        "--pwfile=" + pwfile.string(),
                                        "--auth-local=trust",
                                        "--auth-host=scram-sha-256",
                                        "--encoding=UTF8",
                                        "--locale=C",
                                        "--no-sync",
                                        "--no-instructions"};
    const ProcessResult r = runServerProgram(args, std::chrono::seconds(120));
    fs::remove(pwfile);
    if (!r.ok())
        throw std::runtime_error("PgCluster: initdb failed: " + describe(args, r));

    // Our settings live in a file of their own, rewritten before each start (the port).
    {
        std::ofstream conf(m_dir / "data" / "postgresql.conf", std::ios::app);
        conf << "\ninclude 'sp_fixture.conf'\n";
    }
    std::string hba = "# Written by the test fixture (tests/support/PgCluster.cpp).\n"
                      "# The superuser over the private socket folder administers the cluster.\n"
                      "local all " + superuser() + " trust\n"
                      "local all all scram-sha-256\n";
    if (m_options.tls)
        hba += "hostssl all all 127.0.0.1/32 scram-sha-256\n";
    hba += "host all all 127.0.0.1/32 scram-sha-256\n";
    writeFile(m_dir / "data" / "pg_hba.conf", hba, 0600, m_asRoot);
}

void PgCluster::makeCertificates()
{
    const fs::path tls = m_dir / "tls";
    fs::create_directory(tls);
    const std::string cnf = (tls / "openssl.cnf").string();
    writeFile(cnf,
              "[req]\n"
              "distinguished_name = dn\n"
              "prompt = no\n"
              "[dn]\n"
              "CN = placeholder\n"
              "[ca_ext]\n"
              "basicConstraints = critical, CA:true\n"
              "keyUsage = critical, keyCertSign, cRLSign\n"
              "subjectKeyIdentifier = hash\n"
              "[server_ext]\n"
              "basicConstraints = critical, CA:false\n"
              "keyUsage = critical, digitalSignature, keyEncipherment\n"
              "extendedKeyUsage = serverAuth\n"
              "subjectAltName = DNS:localhost, IP:127.0.0.1\n"
              "subjectKeyIdentifier = hash\n"
              "authorityKeyIdentifier = keyid\n",
              0600, false);
    auto run = [&](const std::vector<std::string>& args) {
        const ProcessResult r = runProcess(args, {}, std::chrono::seconds(60), tls);
        if (!r.ok())
            throw std::runtime_error("PgCluster: making the test certificates failed: " + describe(args, r));
    };
    auto makeCa = [&](const std::string& name, const std::string& cn) {
        run({"openssl", "req", "-x509", "-config", cnf, "-extensions", "ca_ext", "-newkey", "ec", "-pkeyopt",
             "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=" + cn, "-keyout",
             (tls / (name + ".key")).string(), "-out", (tls / (name + ".crt")).string()});
    };
    makeCa("ca", "StretchPlan test CA " + randomHex(8));
    makeCa("wrong-ca", "StretchPlan unrelated test CA " + randomHex(8));
    run({"openssl", "req", "-new", "-config", cnf, "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-nodes", "-subj", "/CN=localhost", "-keyout", (tls / "server.key").string(), "-out",
         (tls / "server.csr").string()});
    run({"openssl", "x509", "-req", "-in", (tls / "server.csr").string(), "-CA", (tls / "ca.crt").string(), "-CAkey",
         (tls / "ca.key").string(), "-set_serial", "0x" + randomHex(16), "-days", "2", "-extfile", cnf, "-extensions",
         "server_ext", "-out", (tls / "server.crt").string()});
    // The server refuses a key others can read; as root it must belong to postgres.
    for (const char* f : {"server.key", "ca.key", "wrong-ca.key"})
        ::chmod((tls / f).c_str(), 0600);
    for (const auto& entry : fs::directory_iterator(tls))
        giveToServerUser(entry.path(), m_asRoot);
    ::chmod(tls.c_str(), 0700);
    giveToServerUser(tls, m_asRoot);
}

void PgCluster::writeConfig() const
{
    std::ostringstream c;
    c << "# Written by the test fixture before each start (tests/support/PgCluster.cpp).\n"
      << "listen_addresses = '127.0.0.1'\n"
      << "port = " << m_port << "\n"
      << "unix_socket_directories = " << confQuoted(socketDir()) << "\n"
      << "max_connections = " << m_options.maxConnections << "\n"
      << "shared_buffers = " << m_options.sharedBuffersMb << "MB\n"
      << "fsync = " << (m_options.fsync ? "on" : "off") << "\n"
      << "synchronous_commit = on\n"
      << "password_encryption = 'scram-sha-256'\n"
      << "logging_collector = off\n"
      << "log_line_prefix = '%m [%p] %q%u@%d '\n";
    if (m_options.tls) {
        const fs::path tls = m_dir / "tls";
        c << "ssl = on\n"
          << "ssl_cert_file = " << confQuoted((tls / "server.crt").string()) << "\n"
          << "ssl_key_file = " << confQuoted((tls / "server.key").string()) << "\n";
    }
    writeFile(m_dir / "data" / "sp_fixture.conf", c.str(), 0600, m_asRoot);
}

bool PgCluster::tryStart(std::string& why)
{
    writeConfig();
    // The log is truncated by nothing: each start appends, so logTail shows earlier runs too.
    const std::vector<std::string> args{(m_bin / "pg_ctl").string(), "start", "-D", (m_dir / "data").string(),
                                        "-l", (m_dir / "server.log").string(), "-w", "-t",
                                        std::to_string(m_options.startTimeoutS), "-s"};
    const ProcessResult r = runServerProgram(args, std::chrono::seconds(m_options.startTimeoutS + 15));
    if (r.ok())
        return true;
    why = describe(args, r) + "\nserver log:\n" + logTail();
    killLeftover();
    return false;
}

void PgCluster::start()
{
    if (running())
        return;
    std::string why;
    for (int attempt = 0; attempt < 3; ++attempt) {
        // Keep the port across a restart while it is free; else (and after a failed
        // start, which may be another process taking the port first) a new one.
        if (attempt > 0 || m_port == 0 || !loopbackPortFree(m_port))
            m_port = freeLoopbackPort();
        if (tryStart(why))
            return;
    }
    throw std::runtime_error("PgCluster: the server did not start (3 attempts): " + why);
}

void PgCluster::stop(StopMode mode)
{
    const std::vector<std::string> args{(m_bin / "pg_ctl").string(), "stop", "-D", (m_dir / "data").string(), "-m",
                                        mode == StopMode::Fast ? "fast" : "immediate", "-w", "-t", "30", "-s"};
    const ProcessResult r = runServerProgram(args, std::chrono::seconds(45));
    if (!r.ok() && running())
        throw std::runtime_error("PgCluster: the server did not stop: " + describe(args, r) + "\nserver log:\n" +
                                 logTail());
}

void PgCluster::restart(StopMode mode)
{
    stop(mode);
    start();
}

bool PgCluster::running() const
{
    // pg_ctl status: 0 running, 3 not running, 4 no data folder.
    const ProcessResult r = runServerProgram(
        {(m_bin / "pg_ctl").string(), "status", "-D", (m_dir / "data").string()}, std::chrono::seconds(30));
    return r.exitCode == 0;
}

void PgCluster::killLeftover() noexcept
{
    try {
        if (m_dir.empty() || !fs::exists(m_dir / "data" / "postmaster.pid"))
            return;
        runServerProgram({(m_bin / "pg_ctl").string(), "stop", "-D", (m_dir / "data").string(), "-m", "immediate",
                          "-w", "-t", "30", "-s"},
                         std::chrono::seconds(45));
        // Still there (pg_ctl itself failed or timed out): the postmaster's pid is the
        // file's first line.
        std::ifstream pidFile(m_dir / "data" / "postmaster.pid");
        long pid = 0;
        if (pidFile >> pid && pid > 1 && ::kill(static_cast<pid_t>(pid), 0) == 0) {
            ::kill(static_cast<pid_t>(pid), SIGKILL);
            for (int i = 0; i < 100 && ::kill(static_cast<pid_t>(pid), 0) == 0; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    } catch (...) {
    }
}

std::string PgCluster::uri(const std::string& user, const std::string& password, const std::string& db,
                           const std::string& extraQuery) const
{
    return uriWithHost(host(), user, password, db, extraQuery);
}

std::string PgCluster::uriWithHost(const std::string& hostName, const std::string& user, const std::string& password,
                                   const std::string& db, const std::string& extraQuery) const
{
    std::string u = "postgresql://" + uriEncode(user);
    if (!password.empty())
        u += ":" + uriEncode(password);
    u += "@" + hostName + ":" + std::to_string(m_port) + "/" + uriEncode(db);
    if (!extraQuery.empty())
        u += "?" + extraQuery;
    return u;
}

std::string PgCluster::psql(const std::string& sql, const std::string& db) const
{
    // The SQL goes in a file (psql -f), so that several statements run one by one, each
    // in its own transaction (CREATE DATABASE cannot run inside one), as a script would.
    static std::atomic<int> counter{0};
    const fs::path script = m_dir / ("script-" + std::to_string(++counter) + ".sql");
    {
        std::ofstream out(script, std::ios::binary);
        out << sql << "\n";
    }
    const std::vector<std::string> args{(m_bin / "psql").string(),
                                        "-X",
                                        "-q",
                                        "-A",
                                        "-t",
                                        "-v",
                                        "ON_ERROR_STOP=1",
                                        "-h",
                                        socketDir(),
                                        "-p",
                                        std::to_string(m_port),
                                        "-U",
                                        superuser(),
                                        "-d",
                                        db,
                                        "-f",
                                        script.string()};
    const ProcessResult r = runProcess(args, {{"PGCONNECT_TIMEOUT", "10"}}, std::chrono::seconds(120));
    std::error_code ec;
    fs::remove(script, ec);
    if (!r.ok())
        throw std::runtime_error("PgCluster::psql failed (" + sql.substr(0, 200) + "): " + describe(args, r));
    return r.out;
}

void PgCluster::createRole(const std::string& name, const std::string& password, bool login,
                           const std::vector<std::string>& memberOf) const
{
    std::string sql = "CREATE ROLE " + sqlIdentifier(name) + (login ? " LOGIN" : " NOLOGIN");
    if (!password.empty())
        sql += " PASSWORD " + sqlLiteral(password);
    for (std::size_t i = 0; i < memberOf.size(); ++i)
        sql += (i == 0 ? " IN ROLE " : ", ") + sqlIdentifier(memberOf[i]);
    psql(sql + ";");
}

void PgCluster::createDatabase(const std::string& name, const std::string& owner) const
{
    psql("CREATE DATABASE " + sqlIdentifier(name) + " OWNER " + sqlIdentifier(owner) + ";");
}

int PgCluster::terminateBackends(const std::string& user) const
{
    // With a timeout pg_terminate_backend waits (up to 5 s) until the session has ended.
    const std::string out = psql("SELECT count(pg_terminate_backend(pid, 5000)) FROM pg_stat_activity"
                                 " WHERE usename = " + sqlLiteral(user) + " AND pid <> pg_backend_pid();");
    return std::stoi(trimmed(out));
}

std::string PgCluster::logTail(int lines) const
{
    const std::string text = readWhole(m_dir / "server.log");
    std::size_t pos = text.size();
    int seen = 0;
    if (pos > 0 && text[pos - 1] == '\n')
        --pos;
    while (pos > 0) {
        if (text[pos - 1] == '\n' && ++seen == lines)
            break;
        --pos;
    }
    return text.substr(pos);
}

std::string PgCluster::caFile() const
{
    if (!m_options.tls)
        throw std::logic_error("PgCluster::caFile: the cluster was made without tls");
    return (m_dir / "tls" / "ca.crt").string();
}

std::string PgCluster::wrongCaFile() const
{
    if (!m_options.tls)
        throw std::logic_error("PgCluster::wrongCaFile: the cluster was made without tls");
    return (m_dir / "tls" / "wrong-ca.crt").string();
}

} // namespace sp::test
