// A fresh clinic database per test, and the CLI run against it.
#pragma once

#include "RunCli.h"

#include "core/JsonText.h"

#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace sp::test {

// A fresh database per test, and the CLI run against it.
struct ClinicFixture {
    std::filesystem::path dir;
    std::string db;

    ClinicFixture()
    {
        static int n = 0;
        dir = std::filesystem::temp_directory_path() / ("sp-clinic-cli-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
        std::filesystem::create_directories(dir);
        db = (dir / "clinic.db").string();
    }
    ~ClinicFixture() { std::filesystem::remove_all(dir); }

    CliRun run(std::vector<std::string> args, int timeoutSeconds = CliOptions{}.timeoutSeconds) const
    {
        args.insert(args.begin(), {"--db", db, "--user", "dr.test"});
        CliOptions options;
        options.timeoutSeconds = timeoutSeconds;
        return runCli(args, options);
    }
    // Runs a command that must succeed and prints one id.
    std::string id(const std::vector<std::string>& args) const
    {
        const CliRun r = run(args);
        BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
        std::string out = r.out;
        while (!out.empty() && out.back() == '\n')
            out.pop_back();
        return out;
    }
    sp::Json json(const std::vector<std::string>& args) const
    {
        const CliRun r = run(args);
        BOOST_TEST_REQUIRE(r.exitCode == 0, r.err);
        return sp::Json::parse(r.out);
    }
    std::size_t patientCount() const { return json({"patient", "list", "--archived", "--json"}).size(); }
};

inline void expectDataError(const CliRun& r, const std::string& fragment)
{
    BOOST_TEST(r.exitCode == 3, r.err);
    BOOST_TEST(r.err.find(fragment) != std::string::npos, r.err);
}

inline std::string slurp(const std::filesystem::path& p)
{
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}


} // namespace sp::test
