// The audit log: an entry for every change, none holding personal data, chained by hash
// so that editing or removing an entry behind the store's back is found; append-only.
#include "DbFixtures.h"

#include "db/store/AuditChain.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <set>

#include <sys/stat.h>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

struct AuditFixture : StoreFixture {
    AuditFixture()
    {
        StoreOptions options = testOptions("pt.rivera");
        options.now = steppingClock();
        store = open(options);
    }

    // One of every change the store makes, with personal data worth leaking.
    std::int64_t makeEveryKindOfChange()
    {
        const auto id = store->patients().add(samplePatient());
        const Patient read = store->patients().get(id);
        Patient p = read;
        p.email = "new.address@example.org";
        p.phone = "+34 699 999 999";
        store->patients().update(read, p);
        store->patients().recordScreening(id, {Date{2025, 3, 1}, {{"lumbar/night-pain", true}}});
        store->patients().setArchived(id, true);
        store->patients().setArchived(id, false);
        const auto planId = store->plans().create(id, "Low back", sampleRevision());
        store->plans().revise(planId, sampleRevision("Progress"), 1);
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

// `sql` run with the trigger `name` on audit_log out of the way, as someone with the
// owner's rights would: dropped in a SQLite file; disabled and enabled again on a server.
std::string withoutTrigger(const std::string& name, const std::string& sql)
{
    if (onPostgres())
        return "ALTER TABLE audit_log DISABLE TRIGGER " + name + "; " + sql + "; ALTER TABLE audit_log ENABLE TRIGGER " +
               name;
    return "DROP TRIGGER " + name + "; " + sql;
}

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
        BOOST_TEST(entries[i].hash == auditEntryHashV2(entries[i], std::nullopt)); // no free text in these
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
    BOOST_TEST(refused(database, "UPDATE audit_log SET actor = 'someone'"));
    BOOST_TEST(refused(database, "DELETE FROM audit_log WHERE id = 1"));
    if (onPostgres()) // nor may anyone empty it at once
        BOOST_TEST(refused(database, "TRUNCATE audit_log CASCADE"));
    BOOST_TEST(store->check().auditChain.ok);
}

BOOST_AUTO_TEST_CASE(detects_an_entry_edited_behind_the_stores_back)
{
    makeEveryKindOfChange();
    tamper(database, withoutTrigger("audit_log_no_update", "UPDATE audit_log SET actor = 'someone.else' WHERE id = 4"));
    const CheckReport report = store->check();
    BOOST_TEST(!report.ok());
    BOOST_TEST(report.integrity.ok);
    BOOST_TEST(!report.auditChain.ok);
    BOOST_TEST(contains(report.auditChain.detail, "audit entry 4 "), report.auditChain.detail);
}

BOOST_AUTO_TEST_CASE(detects_an_entry_removed_behind_the_stores_back)
{
    makeEveryKindOfChange();
    tamper(database, withoutTrigger("audit_log_no_delete", "DELETE FROM audit_log WHERE id = 6"));
    const CheckResult chain = store->check().auditChain;
    BOOST_TEST(!chain.ok);
    BOOST_TEST(contains(chain.detail, "audit entry 7 does not link"), chain.detail);
}

BOOST_AUTO_TEST_CASE(detects_the_newest_entries_removed_behind_the_stores_back)
{
    makeEveryKindOfChange();
    tamper(database, withoutTrigger("audit_log_no_delete", "DELETE FROM audit_log WHERE id >= 10"));
    const CheckReport report = store->check();
    const CheckResult& chain = report.auditChain;
    if (onPostgres()) {
        // A server's identity ids may have gaps (a rolled-back insert uses its number), so
        // its sequence is no witness of the newest entries: what keeps them is the server's
        // privileges and triggers, which only the tables' owner or a superuser can get
        // around. The chain itself is whole, and ends at entry 9.
        BOOST_TEST(chain.ok, chain.detail);
        BOOST_TEST(report.auditHead.id == 9);
        return;
    }
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

// The chain against its anchor: the checkpoint file beside the database, written as each
// audited change commits. Someone with the file can rewrite an entry and recompute every
// hash after it so that the chain is whole again; the checkpoints still say what was there.
namespace {

// The forger's tools: raw SQL on the file, and the published canonical form.
void recomputeChainFrom(SQLite::Database& raw, std::int64_t fromId)
{
    std::string prevHash;
    {
        SQLite::Statement before(raw, "SELECT hash FROM audit_log WHERE id < ?1 ORDER BY id DESC LIMIT 1");
        before.bind(1, static_cast<int64_t>(fromId));
        if (before.executeStep())
            prevHash = before.getColumn(0).getString();
    }
    SQLite::Statement rows(raw, "SELECT id, at, actor, action, entity, entity_id, patient_id, details, format, "
                                "text_digest FROM audit_log WHERE id >= ?1 ORDER BY id");
    rows.bind(1, static_cast<int64_t>(fromId));
    std::vector<AuditEntry> rewritten;
    while (rows.executeStep()) {
        AuditEntry e;
        e.id = rows.getColumn(0).getInt64();
        e.at = rows.getColumn(1).getString();
        e.actor = rows.getColumn(2).getString();
        e.action = rows.getColumn(3).getString();
        e.entity = rows.getColumn(4).getString();
        e.entityId = rows.getColumn(5).getInt64();
        if (!rows.getColumn(6).isNull())
            e.patientId = rows.getColumn(6).getInt64();
        e.details = rows.getColumn(7).getString();
        e.prevHash = prevHash;
        std::optional<std::string> digest;
        if (!rows.getColumn(9).isNull())
            digest = rows.getColumn(9).getString();
        e.hash = rows.getColumn(8).getInt() == 2 ? auditEntryHashV2(e, digest) : auditEntryHash(e);
        rewritten.push_back(e);
        prevHash = e.hash;
    }
    SQLite::Statement update(raw, "UPDATE audit_log SET prev_hash = ?2, hash = ?3 WHERE id = ?1");
    for (const AuditEntry& e : rewritten) {
        update.bind(1, static_cast<int64_t>(e.id));
        update.bind(2, e.prevHash);
        update.bind(3, e.hash);
        update.exec();
        update.reset();
    }
}

// The whole attack from the security review: drop the triggers, rewrite entry `victim`,
// recompute the chain, delete the newest entry and make sqlite_sequence agree.
void forge(const std::filesystem::path& file, std::int64_t victim)
{
    auto raw = rawConnection(file);
    raw.exec("DROP TRIGGER audit_log_no_update");
    raw.exec("DROP TRIGGER audit_log_no_delete");
    SQLite::Statement edit(raw, "UPDATE audit_log SET actor = 'someone.else' WHERE id = ?1");
    edit.bind(1, static_cast<int64_t>(victim));
    edit.exec();
    recomputeChainFrom(raw, victim);
    raw.exec("DELETE FROM audit_log WHERE id = (SELECT max(id) FROM audit_log)");
    raw.exec("UPDATE sqlite_sequence SET seq = (SELECT max(id) FROM audit_log) WHERE name = 'audit_log'");
}

std::filesystem::path chainFile(const std::filesystem::path& file)
{
    return file.string() + ".chain";
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(audit_anchor, AuditFixture)

BOOST_AUTO_TEST_CASE(a_rewritten_and_recomputed_chain_is_caught_by_its_checkpoints, *boost::unit_test::precondition(sqliteOnly))
{
    makeEveryKindOfChange();
    forge(file, 4);
    const CheckReport report = store->check();
    BOOST_TEST(report.auditChain.ok, report.auditChain.detail); // the forgery is internally consistent
    BOOST_TEST(!report.auditAnchor.ok);
    BOOST_TEST(!report.ok());
    BOOST_TEST(contains(report.auditAnchor.detail, "audit entry 4 does not match its checkpoint"),
               report.auditAnchor.detail);
}

BOOST_AUTO_TEST_CASE(a_checkpointed_entry_removed_from_the_end_is_named, *boost::unit_test::precondition(sqliteOnly))
{
    makeEveryKindOfChange();
    {
        auto raw = rawConnection(file);
        raw.exec("DROP TRIGGER audit_log_no_delete");
        raw.exec("DELETE FROM audit_log WHERE id = 11");
        raw.exec("UPDATE sqlite_sequence SET seq = 10 WHERE name = 'audit_log'");
    }
    const CheckReport report = store->check();
    BOOST_TEST(report.auditChain.ok, report.auditChain.detail);
    BOOST_TEST(!report.auditAnchor.ok);
    BOOST_TEST(contains(report.auditAnchor.detail, "audit entry 11 was checkpointed but is missing"),
               report.auditAnchor.detail);
}

BOOST_AUTO_TEST_CASE(each_audited_change_checkpoints_its_entry_in_a_private_file, *boost::unit_test::precondition(sqliteOnly))
{
    makeEveryKindOfChange();
    const std::string lines = readBytes(chainFile(file));
    const auto entries = store->audit().list({});
    BOOST_TEST(std::count(lines.begin(), lines.end(), '\n') == static_cast<long>(entries.size()));
    BOOST_TEST(contains(lines, std::to_string(entries.front().id) + " " + entries.front().hash + "\n"));
    struct stat st {};
    BOOST_TEST_REQUIRE(::stat(chainFile(file).c_str(), &st) == 0);
    BOOST_TEST((st.st_mode & 0777) == 0600u);
    const CheckReport report = store->check();
    BOOST_TEST(report.auditAnchor.ok, report.auditAnchor.detail);
    BOOST_TEST(!report.auditAnchor.warning);
    BOOST_TEST(report.auditHead.id == entries.front().id);
    BOOST_TEST(report.auditHead.hash == entries.front().hash);
}

BOOST_AUTO_TEST_CASE(without_a_checkpoint_file_says_so_and_starts_one, *boost::unit_test::precondition(sqliteOnly))
{
    makeEveryKindOfChange();
    std::filesystem::remove(chainFile(file)); // a database made before checkpoints, or copied alone
    const CheckReport first = store->check();
    BOOST_TEST(first.ok());
    BOOST_TEST(first.auditAnchor.warning);
    BOOST_TEST(contains(first.auditAnchor.detail, "no checkpoint file"), first.auditAnchor.detail);
    BOOST_TEST(contains(first.auditAnchor.detail, "cannot be compared with an anchor"), first.auditAnchor.detail);
    BOOST_TEST(contains(first.auditAnchor.detail, "a first checkpoint was started at entry 11"),
               first.auditAnchor.detail);
    const CheckReport second = store->check();
    BOOST_TEST(!second.auditAnchor.warning);
    BOOST_TEST(second.auditAnchor.detail == "ok");
}

BOOST_AUTO_TEST_CASE(a_damaged_checkpoint_file_is_reported, *boost::unit_test::precondition(sqliteOnly))
{
    makeEveryKindOfChange();
    writeBytes(chainFile(file), "1 not-a-hash\n");
    const CheckReport report = store->check();
    BOOST_TEST(!report.auditAnchor.ok);
    BOOST_TEST(contains(report.auditAnchor.detail, "line 1"), report.auditAnchor.detail);
}

BOOST_AUTO_TEST_CASE(a_backup_carries_its_own_checkpoints_and_reports_its_head, *boost::unit_test::precondition(sqliteOnly))
{
    makeEveryKindOfChange();
    const auto target = dir / "copy.db";
    const AuditHead head = store->backup(target);
    const auto newest = store->audit().list({std::nullopt, 1}).at(0);
    BOOST_TEST(head.id == newest.id);
    BOOST_TEST(head.hash == newest.hash);
    BOOST_TEST(readBytes(chainFile(target)) == readBytes(chainFile(file)));
    auto copy = openSqliteStore(target, testOptions("auditor"));
    const CheckReport report = copy->check();
    BOOST_TEST(report.ok());
    BOOST_TEST(report.auditAnchor.detail == "ok");
    BOOST_TEST(report.auditHead.hash == head.hash);
}

// On a server the anchor is its privileges: the app's role may add audit entries, never
// change or remove them. The check says so, and says when that no longer holds.
BOOST_AUTO_TEST_CASE(on_a_server_the_anchor_is_the_app_roles_privileges, *boost::unit_test::precondition(postgresOnly))
{
    makeEveryKindOfChange();
    const auto newest = store->audit().list({std::nullopt, 1}).at(0);
    CheckReport report = store->check();
    BOOST_TEST(report.ok());
    BOOST_TEST(report.auditAnchor.ok, report.auditAnchor.detail);
    BOOST_TEST(!report.auditAnchor.warning);
    BOOST_TEST(contains(report.auditAnchor.detail, "never change them"), report.auditAnchor.detail);
    BOOST_TEST(report.auditHead.id == newest.id);
    BOOST_TEST(report.auditHead.hash == newest.hash);
    // The app's own role cannot change an entry: the server's privileges refuse it.
    expectDbError(DbErrorKind::Forbidden, [&] {
        db::store::Statement st(*db::store::contextOf(*store).session, "UPDATE audit_log SET actor = 'x' WHERE id = 1");
        try {
            st.exec();
        } catch (...) {
            db::store::rethrowAsDbError("test", "change an audit entry");
        }
    });
    tamper(database, "GRANT UPDATE ON audit_log TO stretchplan_app");
    report = store->check();
    BOOST_TEST(!report.ok());
    BOOST_TEST(!report.auditAnchor.ok);
    BOOST_TEST(contains(report.auditAnchor.detail, "no longer anchors the chain"), report.auditAnchor.detail);
    tamper(database, "REVOKE UPDATE ON audit_log FROM stretchplan_app");
    BOOST_TEST(store->check().auditAnchor.ok);
}

BOOST_AUTO_TEST_SUITE_END()
