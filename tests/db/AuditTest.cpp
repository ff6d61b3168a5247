// The audit log: an entry for every change, none holding personal data, chained by hash
// so that editing or removing an entry behind the store's back is found; append-only.
#include "DbFixtures.h"

#include "db/sqlite/AuditChain.h"

#include <boost/test/unit_test.hpp>

#include <set>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

struct AuditFixture : StoreFixture {
    AuditFixture()
    {
        StoreOptions options = testOptions("pt.rivera");
        options.now = steppingClock();
        store = openSqliteStore(file, options);
    }

    // One of every change the store makes, with personal data worth leaking.
    std::int64_t makeEveryKindOfChange()
    {
        const auto id = store->patients().add(samplePatient());
        Patient p = store->patients().get(id);
        p.email = "new.address@example.org";
        p.phone = "+34 699 999 999";
        store->patients().update(p);
        store->patients().recordScreening(id, {Date{2025, 3, 1}, {{"lumbar/night-pain", true}}});
        store->patients().setArchived(id, true);
        store->patients().setArchived(id, false);
        const auto planId = store->plans().create(id, "Low back", sampleRevision());
        store->plans().revise(planId, sampleRevision("Progress"));
        store->plans().setStatus(planId, PlanStatus::Closed);
        FollowUpNote n = sampleNote(id);
        n.subjective = "Secret clinical text";
        store->notes().add(n);
        HandoutRecord h;
        h.revisionId = store->plans().revision(planId).id;
        h.channel = HandoutChannel::Email;
        h.recipient = "jose@example.org";
        h.sha256 = std::string(64, 'e');
        store->handouts().add(h);
        store->audit().record("export", "patient", id, id, R"({"format":"pdf"})");
        return id;
    }
};

std::vector<std::string> actionsOf(const std::vector<AuditEntry>& entries)
{
    std::vector<std::string> out;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        out.push_back(it->action + " " + it->entity);
    return out;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(audit, AuditFixture)

BOOST_AUTO_TEST_CASE(records_every_change_without_personal_data)
{
    const auto id = makeEveryKindOfChange();
    const auto entries = store->audit().list({});
    using V = std::vector<std::string>;
    BOOST_TEST((actionsOf(entries) ==
                V{"create patient", "update patient", "screen patient", "archive patient", "unarchive patient",
                  "create plan", "revise revision", "status plan", "create note", "create handout",
                  "export patient"}));
    for (const AuditEntry& e : entries) {
        BOOST_TEST_CONTEXT("entry " << e.id << " " << e.action << " " << e.details)
        {
            BOOST_TEST(e.actor == "pt.rivera");
            BOOST_TEST((e.patientId == std::optional<std::int64_t>(id)));
            BOOST_TEST(e.at.rfind("2025-03-01T", 0) == 0u);
            for (const char* personal : {"José", "Álvarez", "example.org", "699", "Secret", "night-pain", "1980"})
                BOOST_TEST(!contains(e.details, personal));
        }
    }
    BOOST_TEST(entries[entries.size() - 2].details == R"({"fields":["email","phone"]})");
}

BOOST_AUTO_TEST_CASE(lists_newest_first_filtered_by_patient_and_limited)
{
    const auto a = store->patients().add(samplePatient("Ann Lee"));
    const auto b = store->patients().add(samplePatient("Bo Chen"));
    store->patients().setArchived(a, true);
    const auto all = store->audit().list({});
    BOOST_TEST_REQUIRE(all.size() == 3u);
    BOOST_TEST(all[0].action == "archive");
    BOOST_TEST(all[2].entityId == a);
    const auto forB = store->audit().list({b});
    BOOST_TEST_REQUIRE(forB.size() == 1u);
    BOOST_TEST(forB[0].entityId == b);
    BOOST_TEST(store->audit().list({std::nullopt, 2}).size() == 2u);
}

BOOST_AUTO_TEST_CASE(chains_each_entry_to_the_one_before)
{
    makeEveryKindOfChange();
    auto entries = store->audit().list({});
    std::reverse(entries.begin(), entries.end());
    BOOST_TEST(entries.front().prevHash.empty());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        BOOST_TEST(entries[i].hash == auditEntryHash(entries[i]));
        BOOST_TEST(entries[i].hash.size() == 64u);
        if (i > 0)
            BOOST_TEST(entries[i].prevHash == entries[i - 1].hash);
    }
    const CheckReport report = store->check();
    BOOST_TEST(report.ok());
    BOOST_TEST(report.auditChain.detail == "ok");
}

BOOST_AUTO_TEST_CASE(hashes_an_unambiguous_text_of_every_field)
{
    AuditEntry a;
    a.actor = "ab";
    a.action = "c";
    AuditEntry b = a;
    b.actor = "a";
    b.action = "bc";
    BOOST_TEST(auditEntryHash(a) != auditEntryHash(b));
    AuditEntry c = a;
    c.patientId = 0;
    BOOST_TEST(auditEntryHash(a) != auditEntryHash(c));
}

BOOST_AUTO_TEST_CASE(refuses_raw_updates_and_deletes)
{
    makeEveryKindOfChange();
    auto raw = rawConnection(file);
    BOOST_CHECK_THROW(raw.exec("UPDATE audit_log SET actor = 'someone'"), SQLite::Exception);
    BOOST_CHECK_THROW(raw.exec("DELETE FROM audit_log WHERE id = 1"), SQLite::Exception);
    BOOST_TEST(store->check().auditChain.ok);
}

BOOST_AUTO_TEST_CASE(detects_an_entry_edited_behind_the_stores_back)
{
    makeEveryKindOfChange();
    {
        auto raw = rawConnection(file);
        raw.exec("DROP TRIGGER audit_log_no_update");
        raw.exec("UPDATE audit_log SET actor = 'someone.else' WHERE id = 4");
    }
    const CheckReport report = store->check();
    BOOST_TEST(!report.ok());
    BOOST_TEST(report.integrity.ok);
    BOOST_TEST(!report.auditChain.ok);
    BOOST_TEST(contains(report.auditChain.detail, "audit entry 4 "), report.auditChain.detail);
}

BOOST_AUTO_TEST_CASE(detects_an_entry_removed_behind_the_stores_back)
{
    makeEveryKindOfChange();
    {
        auto raw = rawConnection(file);
        raw.exec("DROP TRIGGER audit_log_no_delete");
        raw.exec("DELETE FROM audit_log WHERE id = 6");
    }
    const CheckResult chain = store->check().auditChain;
    BOOST_TEST(!chain.ok);
    BOOST_TEST(contains(chain.detail, "audit entry 7 does not link"), chain.detail);
}

BOOST_AUTO_TEST_CASE(detects_the_newest_entries_removed_behind_the_stores_back)
{
    makeEveryKindOfChange();
    {
        auto raw = rawConnection(file);
        raw.exec("DROP TRIGGER audit_log_no_delete");
        raw.exec("DELETE FROM audit_log WHERE id >= 10");
    }
    const CheckResult chain = store->check().auditChain;
    BOOST_TEST(!chain.ok);
    BOOST_TEST(contains(chain.detail, "after 9"), chain.detail);
}

BOOST_AUTO_TEST_CASE(records_callers_actions_after_checking_them)
{
    const auto id = store->patients().add(samplePatient());
    store->audit().record("override", "plan", 3, id, R"({"rule":"red-flag"})");
    store->audit().record("export", "database", 0, std::nullopt, "{}");
    const auto entries = store->audit().list({});
    BOOST_TEST(entries[0].action == "export");
    BOOST_TEST(!entries[0].patientId.has_value());
    BOOST_TEST(entries[1].details == R"({"rule":"red-flag"})");
    DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->audit().record("export", "patient", id, id, "[1]"); });
    BOOST_TEST(hasFieldError(e, "details"));
    e = expectDbError(DbErrorKind::Invalid, [&] { store->audit().record("", "patient", id, id, "{}"); });
    BOOST_TEST(hasFieldError(e, "action"));
    expectDbError(DbErrorKind::NotFound, [&] { store->audit().record("export", "patient", 99, 99, "{}"); });
    BOOST_TEST(store->audit().list({}).size() == 3u);
}

BOOST_AUTO_TEST_SUITE_END()
