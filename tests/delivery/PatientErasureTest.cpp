// Erasing a patient: the override reasons written about them leave the audit log and the
// file's bytes, and the handout PDFs of their plans leave the outbox; the audit chain
// still verifies, and other patients' files stay.
#include "DeliveryFixture.h"

#include "delivery/GuidanceGate.h"
#include "delivery/HandoutMail.h"
#include "delivery/PatientErasure.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
namespace fs = std::filesystem;

namespace {

const std::string kReason = "Zelda Quixote has cauda equina symptoms but insists on the handout";

struct ErasureFixture : test::DeliveryFixture {
    fs::path outbox = folder / "outbox";
    ErasureFixture() { fs::create_directories(outbox); }

    void overrideBlocker()
    {
        auto dc = context();
        const Plan plan = ws->store().plans().get(blockedPlan);
        delivery::enforceGuidance(dc, plan, ws->store().plans().revision(blockedPlan), "export", kReason);
    }

    // Everything of the database on disk, log included, as an attacker with the files reads it.
    std::string databaseBytes() const
    {
        std::string bytes;
        for (const char* suffix : {"", "-wal", "-shm"})
            bytes += test::slurp(folder / ("clinic.db" + std::string(suffix)));
        return bytes;
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(patient_erasure, ErasureFixture)

BOOST_AUTO_TEST_CASE(an_override_reason_goes_with_the_patient_and_the_chain_still_verifies)
{
    overrideBlocker();
    BOOST_TEST_REQUIRE(auditCount("override") == 1u);
    const auto report = delivery::erasePatient(ws->store(), blockedPatient, outbox);
    BOOST_TEST((report.database == db::Erasure::Complete));
    for (const AuditEntry& e : ws->store().audit().list({}))
        BOOST_TEST(e.details.find("cauda equina") == std::string::npos, e.details);
    const db::CheckReport check = ws->store().check();
    BOOST_TEST(check.auditChain.ok, check.auditChain.detail);
    BOOST_TEST(check.auditAnchor.ok, check.auditAnchor.detail);
    BOOST_TEST(auditCount("override") == 1u); // the decision stays on record, its words go
    BOOST_TEST(databaseBytes().find("cauda equina") == std::string::npos);
    ws.reset(); // closed: nothing left in the file either
    BOOST_TEST(databaseBytes().find("cauda equina") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_outbox_copies_of_the_patients_handouts_go_and_the_others_stay)
{
    auto dc = context();
    delivery::HandoutOptions o;
    const auto kept = delivery::writeOutboxHandout(dc, readyPlan, 0, o, "email", "", outbox);
    const auto victim = delivery::writeOutboxHandout(dc, blockedPlan, 0, o, "email", kReason, outbox);
    const fs::path writing = outbox / (".plan-" + std::to_string(blockedPlan) + "-4242.pdf");
    std::ofstream(writing) << "%PDF half written";
    const fs::path orphan = outbox / ".handout-999999999-1.pdf"; // a process id nobody has
    std::ofstream(orphan) << "%PDF left by a crash";
    const fs::path unrelated = outbox / "notes.txt";
    std::ofstream(unrelated) << "not ours";

    const auto report = delivery::erasePatient(ws->store(), blockedPatient, outbox);
    BOOST_TEST(report.problems.empty());
    BOOST_TEST(report.removedFiles.size() == 3u);
    BOOST_TEST(!fs::exists(victim.pdf));
    BOOST_TEST(!fs::exists(writing));
    BOOST_TEST(!fs::exists(orphan));
    BOOST_TEST(fs::exists(kept.pdf));
    BOOST_TEST(fs::exists(unrelated));
}

BOOST_AUTO_TEST_CASE(a_refused_purge_touches_no_file)
{
    auto dc = context();
    const auto victim = delivery::writeOutboxHandout(dc, readyPlan, 0, {}, "email", "", outbox);
    BOOST_CHECK_THROW(delivery::erasePatient(ws->store(), 987654, outbox), db::DbError);
    BOOST_TEST(fs::exists(victim.pdf));
}

BOOST_AUTO_TEST_SUITE_END()
