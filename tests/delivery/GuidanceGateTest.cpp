// The guidance gate every hand-out passes: a blocker stops it unless the clinician gives
// a reason, and the reason goes into the audit log with the codes it overrode.
#include "DeliveryFixture.h"

#include "core/JsonText.h"
#include "delivery/GuidanceGate.h"
#include "delivery/PlanHandout.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::test;

BOOST_FIXTURE_TEST_SUITE(guidance_gate, DeliveryFixture)

BOOST_AUTO_TEST_CASE(a_screened_plan_passes_without_an_audit_entry)
{
    auto dc = context();
    const Plan plan = ws->store().plans().get(readyPlan);
    BOOST_TEST(delivery::enforceGuidance(dc, plan, ws->store().plans().revision(readyPlan), "export", "").empty());
    BOOST_TEST(auditCount("override") == 0u);
}

BOOST_AUTO_TEST_CASE(a_blocker_refuses_without_a_reason_and_names_it)
{
    auto dc = context();
    const Plan plan = ws->store().plans().get(blockedPlan);
    const PlanRevision revision = ws->store().plans().revision(blockedPlan);
    for (const std::string reason : {"", "   \n\t"}) {
        try {
            delivery::enforceGuidance(dc, plan, revision, "export", reason);
            BOOST_FAIL("no BlockedError for reason \"" + reason + "\"");
        } catch (const delivery::BlockedError& e) {
            BOOST_REQUIRE(!e.blockers().empty());
            BOOST_TEST(e.blockers()[0].code == "redflag.not-screened");
            BOOST_TEST(std::string(e.what()).find("redflag.not-screened") != std::string::npos, e.what());
        }
    }
    BOOST_TEST(auditCount("override") == 0u);
}

BOOST_AUTO_TEST_CASE(an_override_reason_goes_into_the_audit_log_with_the_codes)
{
    auto dc = context();
    const Plan plan = ws->store().plans().get(blockedPlan);
    const PlanRevision revision = ws->store().plans().revision(blockedPlan);
    const auto passed = delivery::enforceGuidance(dc, plan, revision, "print", "Screened by phone");
    BOOST_REQUIRE(passed.size() == 1u);
    const auto entries = ws->store().audit().list({blockedPatient, 10});
    BOOST_REQUIRE(!entries.empty());
    const AuditEntry& last = entries.front();
    BOOST_TEST(last.action == "override");
    BOOST_TEST(last.entity == "revision");
    BOOST_TEST(last.entityId == revision.id);
    const Json details = Json::parse(last.details);
    BOOST_TEST(details.at("action") == "print");
    BOOST_TEST(!details.contains("reason")); // the clinician's words are the entry's free text
    BOOST_TEST(last.freeText == "Screened by phone");
    BOOST_TEST(details.at("blockers").at(0) == "redflag.not-screened");
}

BOOST_AUTO_TEST_CASE(writing_a_blocked_handout_writes_no_file)
{
    auto dc = context();
    const auto out = folder / "blocked.pdf";
    BOOST_CHECK_THROW(delivery::writePlanHandout(dc, blockedPlan, 0, {}, "export", "", out), delivery::BlockedError);
    BOOST_TEST(!std::filesystem::exists(out));
    const auto w = delivery::writePlanHandout(dc, blockedPlan, 0, {}, "export", "Screened by phone", out);
    BOOST_TEST(w.overridden.size() == 1u);
    BOOST_TEST(slurp(out).rfind("%PDF-", 0) == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
