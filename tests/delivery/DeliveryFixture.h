// A clinic database with the built-in catalog, the demo patient (screened, with a plan)
// and an unscreened patient whose plan a guidance blocker holds back.
#pragma once

#include "delivery/DeliveryContext.h"
#include "editor/Workspace.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace sp::test {

inline std::string slurp(const std::filesystem::path& file)
{
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

struct DeliveryFixture {
    std::filesystem::path folder = std::filesystem::path(std::getenv("HOME")) / ("case-" + std::to_string(++s_count));
    static inline int s_count = 0;
    std::unique_ptr<Workspace> ws;
    Date today{2026, 11, 24};
    std::int64_t readyPatient = 0, readyPlan = 0;
    std::int64_t blockedPatient = 0, blockedPlan = 0;

    DeliveryFixture()
    {
        std::filesystem::create_directories(folder);
        ws = std::make_unique<Workspace>(WorkspaceOptions{folder / "clinic.db", {}, false, "tester", {}, {}});
        ws->openDatabase();
        ws->loadCatalog();
        ws->loadTemplatesAndThresholds();
        readyPatient = ws->addDemoPatient(today);
        readyPlan = ws->store().plans().listForPatient(readyPatient).at(0).id;
        Patient p;
        p.name = "Zo\u00eb N\u00fa\u00f1ez";
        p.email = "zoe@example.org";
        blockedPatient = ws->store().patients().add(p);
        PlanRevision first = ws->store().plans().revision(readyPlan);
        first.reason = "First plan";
        blockedPlan = ws->store().plans().create(blockedPatient, "Low back", first);
    }
    ~DeliveryFixture()
    {
        ws.reset();
        std::filesystem::remove_all(folder);
    }

    delivery::DeliveryContext context()
    {
        return {ws->store(), ws->catalog(), ws->thresholds(), ws->clinicProfile(), today};
    }

    std::size_t auditCount(const std::string& action)
    {
        std::size_t n = 0;
        for (const AuditEntry& e : ws->store().audit().list({}))
            n += e.action == action;
        return n;
    }
};

} // namespace sp::test
