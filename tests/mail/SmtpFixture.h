// A real SMTP server on loopback for the tests: tests/mail/smtp_fixture.py run with
// Debian's python3 and python3-aiosmtpd, on a free port, killed in the destructor. What
// it received is read back as Python's email package parsed it, so the tests check the
// message the way a mail client sees it, not the way we wrote it.
#pragma once

#include "core/JsonText.h"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace sp::test {

inline std::string readWhole(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs a program (no shell) and waits; returns its exit status.
inline int runProgram(std::vector<std::string> args)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> argv;
        for (std::string& a : args)
            argv.push_back(a.data());
        argv.push_back(nullptr);
        const int devnull = ::open("/dev/null", O_WRONLY);
        ::dup2(devnull, 1);
        ::dup2(devnull, 2);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

// A self-signed certificate for localhost and 127.0.0.1, made once per test run with
// openssl; the certificate doubles as the CA file the client is told to trust.
class TestCertificate {
public:
    std::filesystem::path cert, key;

    static const TestCertificate& get()
    {
        static const TestCertificate made;
        return made;
    }
    ~TestCertificate()
    {
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }

private:
    TestCertificate()
    {
        m_dir = std::filesystem::temp_directory_path() / ("sp-smtp-cert-" + std::to_string(::getpid()));
        std::filesystem::create_directories(m_dir);
        cert = m_dir / "cert.pem";
        key = m_dir / "key.pem";
        const int rc = runProgram({"openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                                   "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                                   "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key.string(),
                                   "-out", cert.string()});
        if (rc != 0)
            throw std::runtime_error("openssl req -x509 failed");
    }
    std::filesystem::path m_dir;
};

struct SmtpServerOptions {
    std::string mode = "plain"; // plain, starttls, smtps, silent
    std::string user, password; // AUTH required when user is set
    std::vector<std::string> reject;
};

struct ReceivedMessage {
    sp::Json summary;       // see smtp_fixture.py
    std::string raw;        // the message as received
    std::string attachment; // decoded bytes; empty when none
};

class SmtpServer {
public:
    explicit SmtpServer(const SmtpServerOptions& options)
    {
        static int n = 0;
        m_dir = std::filesystem::temp_directory_path() /
                ("sp-smtp-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        std::filesystem::create_directories(m_dir);
        std::vector<std::string> args{SP_SYSTEM_PYTHON, std::string(SP_SOURCE_DIR) + "/tests/mail/smtp_fixture.py",
                                      "--dir", m_dir.string(), "--mode", options.mode};
        if (options.mode == "starttls" || options.mode == "smtps")
            args.insert(args.end(), {"--cert", TestCertificate::get().cert.string(), "--key",
                                     TestCertificate::get().key.string()});
        if (!options.user.empty())
            args.insert(args.end(), {"--user", options.user, "--password", options.password});
        for (const std::string& r : options.reject)
            args.insert(args.end(), {"--reject", r});
        m_pid = ::fork();
        if (m_pid == 0) {
            std::vector<char*> argv;
            for (std::string& a : args)
                argv.push_back(a.data());
            argv.push_back(nullptr);
            const std::string log = (m_dir / "server.log").string();
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (!std::filesystem::exists(m_dir / "port")) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_pid = -1;
                throw std::runtime_error("the SMTP fixture exited: " + readWhole(m_dir / "server.log"));
            }
            if (std::chrono::steady_clock::now() > deadline) {
                stop();
                throw std::runtime_error("the SMTP fixture did not start within 20 s");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        m_port = std::stoi(readWhole(m_dir / "port"));
    }
    ~SmtpServer()
    {
        stop();
        std::error_code ec;
        std::filesystem::remove_all(m_dir, ec);
    }
    SmtpServer(const SmtpServer&) = delete;
    SmtpServer& operator=(const SmtpServer&) = delete;

    int port() const { return m_port; }
    static std::string caFile() { return TestCertificate::get().cert.string(); }
    std::string log() const { return readWhole(m_dir / "server.log"); }

    // How many clients connected (to prove that a refused message never got that far).
    std::size_t connections() const
    {
        const std::string text = readWhole(m_dir / "connections");
        return static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    }

    std::vector<ReceivedMessage> received() const
    {
        std::vector<ReceivedMessage> out;
        for (int i = 1; std::filesystem::exists(m_dir / ("msg-" + std::to_string(i) + ".json")); ++i) {
            const auto base = m_dir / ("msg-" + std::to_string(i));
            ReceivedMessage m;
            m.summary = sp::Json::parse(readWhole(base.string() + ".json"));
            m.raw = readWhole(base.string() + ".eml");
            m.attachment = readWhole(base.string() + ".attachment");
            out.push_back(std::move(m));
        }
        return out;
    }

private:
    void stop()
    {
        if (m_pid <= 0)
            return;
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
        m_pid = -1;
    }

    std::filesystem::path m_dir;
    pid_t m_pid = -1;
    int m_port = 0;
};

// A loopback port where nothing listens: bound, read and released again.
inline int unusedPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
        throw std::runtime_error("cannot find a free port");
    ::close(fd);
    return ntohs(addr.sin_port);
}

} // namespace sp::test
