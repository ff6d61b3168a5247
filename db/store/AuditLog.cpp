#include "db/store/AuditLog.h"

#include "db/store/AuditChain.h"
#include "db/store/ChangeAnnouncement.h"
#include "db/store/PatientRepo.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace sp::db::store {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.patient_id, a.details, a.prev_hash, a.hash, "
    "t.text, a.format, a.text_digest, t.salt, t.entry_id IS NOT NULL, "
    "EXISTS (SELECT 1 FROM patients p WHERE p.id = a.patient_id) "
    "FROM audit_log a LEFT JOIN audit_texts t ON t.entry_id = a.id ";

// The value of text_digest in a format-1 entry whose reason migration 9 moved out of its details.
constexpr const char* kMovedReason = "details.reason";

AuditEntry entryOf(const Statement& st)
{
    AuditEntry e;
    e.id = st.getColumn(0).getInt64();
    e.at = textOf(st.getColumn(1));
    e.actor = textOf(st.getColumn(2));
    e.action = textOf(st.getColumn(3));
    e.entity = textOf(st.getColumn(4));
    e.entityId = st.getColumn(5).getInt64();
    e.patientId = optionalId(st.getColumn(6));
    e.details = textOf(st.getColumn(7));
    e.prevHash = textOf(st.getColumn(8));
    e.hash = textOf(st.getColumn(9));
    e.freeText = textOf(st.getColumn(10));
    return e;
}

// What the chain check needs beyond the entry itself.
struct ChainedRow {
    AuditEntry entry;
    int format = 1;
    std::optional<std::string> textDigest;
    std::string salt;
    bool hasText = false;       // its audit_texts row is there
    bool patientExists = false; // not purged
};

ChainedRow chainedRowOf(const Statement& st)
{
    ChainedRow r;
    r.entry = entryOf(st);
    r.format = st.getColumn(11).getInt();
    if (!st.getColumn(12).isNull())
        r.textDigest = textOf(st.getColumn(12));
    r.salt = textOf(st.getColumn(13));
    r.hasText = st.getColumn(14).getInt() != 0;
    r.patientExists = st.getColumn(15).getInt() != 0;
    return r;
}

struct EntryVerdict {
    std::string problem;      // empty: the entry is what was written
    bool linksOnly = false;   // its own hash could not be recomputed (text erased, format 1)
};

EntryVerdict verifyEntry(const ChainedRow& r)
{
    const std::string id = std::to_string(r.entry.id);
    const std::string changed = "audit entry " + id + " was changed after it was written (its hash does not match "
                                                      "its content)";
    if (r.textDigest && !r.hasText && r.patientExists)
        return {"the text of audit entry " + id + " is missing, yet patient " +
                std::to_string(r.entry.patientId.value_or(0)) + " was not purged"};
    if (r.format == 1) {
        if (!r.textDigest)
            return {auditEntryHash(r.entry) == r.entry.hash ? "" : changed};
        if (*r.textDigest != kMovedReason)
            return {"audit entry " + id + " has an unknown text digest for its format"};
        if (!r.hasText)
            return {"", true};
        // Hashed with the reason in its details, as nlohmann::json wrote them: put it back.
        AuditEntry written = r.entry;
        auto details = nlohmann::json::parse(written.details, nullptr, false);
        if (details.is_discarded() || !details.is_object())
            return {changed};
        details["reason"] = r.entry.freeText;
        written.details = details.dump();
        return {auditEntryHash(written) == r.entry.hash ? "" : changed};
    }
    if (r.format != 2)
        return {"audit entry " + id + " has an unknown format " + std::to_string(r.format)};
    if (auditEntryHashV2(r.entry, r.textDigest) != r.entry.hash)
        return {changed};
    if (r.hasText && (!r.textDigest || auditTextDigest(r.salt, r.entry.freeText) != *r.textDigest))
        return {"the text of audit entry " + id + " was changed after it was written"};
    return {};
}

} // namespace

void appendAudit(StoreContext& ctx, const std::string& action, const std::string& entity, std::int64_t entityId,
                 std::optional<std::int64_t> patientId, const nlohmann::json& details, const std::string& freeText)
{
    AuditEntry e;
    e.at = ctx.now();
    e.actor = ctx.actor;
    e.action = action;
    e.entity = entity;
    e.entityId = entityId;
    e.patientId = patientId;
    e.details = details.dump();
    Statement last(*ctx.session, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (last.executeStep())
        e.prevHash = textOf(last.getColumn(0));
    std::optional<std::string> digest;
    const std::string salt = freeText.empty() ? "" : newAuditTextSalt();
    if (!freeText.empty())
        digest = auditTextDigest(salt, freeText);
    e.hash = auditEntryHashV2(e, digest);

    Statement insert(*ctx.session, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, "
                                     "details, prev_hash, hash, format, text_digest) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 2, ?10) RETURNING id");
    bindText(insert, 1, e.at);
    bindText(insert, 2, e.actor);
    bindText(insert, 3, e.action);
    bindText(insert, 4, e.entity);
    insert.bind(5, static_cast<std::int64_t>(e.entityId));
    bindOptional(insert, 6, e.patientId);
    bindText(insert, 7, e.details);
    bindText(insert, 8, e.prevHash);
    bindText(insert, 9, e.hash);
    if (digest)
        bindText(insert, 10, *digest);
    else
        insert.bind(10);
    const std::int64_t id = insert.insertReturningId();
    if (!ctx.dialect.notifySql.empty()) {
        Statement notify(*ctx.session, ctx.dialect.notifySql);
        bindText(notify, 1, changeAnnouncement(e));
        notify.executeStep();
    }
    if (digest) {
        Statement text(*ctx.session, "INSERT INTO audit_texts (entry_id, patient_id, salt, text) "
                                       "VALUES (?1, ?2, ?3, ?4)");
        text.bind(1, static_cast<std::int64_t>(id));
        bindOptional(text, 2, e.patientId);
        bindText(text, 3, salt);
        bindText(text, 4, freeText);
        text.exec();
    }
    ctx.uncommittedAuditHead = AuditHead{id, e.hash};
}

void AuditLog::record(const std::string& action, const std::string& entity, std::int64_t entityId,
                      std::optional<std::int64_t> patientId, const std::string& details, const std::string& freeText)
{
    guarded(m_ctx, "record \"" + action + "\" in the audit log", [&] {
        FieldErrors errors;
        errors.line("action", action, 1, 64);
        errors.line("entity", entity, 1, 64);
        const auto parsed = nlohmann::json::parse(details, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            errors.add("details", "is not a JSON object");
        if (!freeText.empty() && !patientId)
            errors.add("freeText", "needs the patient it is about, so that it goes with them");
        if (!errors.empty())
            throwInvalid(errors.list());
        WriteTransaction tx(m_ctx);
        if (patientId)
            requirePatient(m_ctx, *patientId);
        appendAudit(m_ctx, action, entity, entityId, patientId, parsed, freeText);
        tx.commit();
    });
}

std::vector<AuditEntry> AuditLog::list(const AuditQuery& query) const
{
    return guarded(m_ctx, "read the audit log", [&] {
        Statement st(*m_ctx.session, std::string(kColumns) +
                                           (query.patientId ? "WHERE a.patient_id = ?2 " : "") +
                                           "ORDER BY a.id DESC LIMIT ?1");
        st.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(query.limit, INT64_MAX)));
        if (query.patientId)
            st.bind(2, static_cast<std::int64_t>(*query.patientId));
        std::vector<AuditEntry> out;
        while (st.executeStep())
            out.push_back(entryOf(st));
        return out;
    });
}

ChainScan scanAuditChain(const StoreContext& ctx)
{
    ChainScan scan;
    std::size_t linksOnly = 0;
    {
        ReadSnapshot snapshot(ctx);
        Statement st(*ctx.session, std::string(kColumns) + "ORDER BY a.id");
        std::string prevHash;
        std::int64_t prevId = 0;
        while (st.executeStep()) {
            const ChainedRow row = chainedRowOf(st);
            const AuditEntry& e = row.entry;
            scan.entries.push_back({e.id, e.hash});
            if (!scan.chain.detail.empty())
                continue; // the first problem is reported; an anchor still wants every hash
            if (e.prevHash != prevHash) {
                scan.chain = {false, "audit entry " + std::to_string(e.id) + " does not link to the entry before it" +
                                         (prevId ? " (" + std::to_string(prevId) + ")"
                                                 : std::string(" (it is the first)")) +
                                         ": an entry was removed, reordered or changed"};
                continue;
            }
            const EntryVerdict v = verifyEntry(row);
            if (!v.problem.empty())
                scan.chain = {false, v.problem};
            linksOnly += v.linksOnly ? 1 : 0;
            prevHash = e.hash;
            prevId = e.id;
        }
        // The chain cannot see its own newest entries go; where ids have no gaps, the
        // engine's sequence remembers the highest one issued.
        if (!ctx.dialect.auditSequenceSql.empty()) {
            Statement seq(*ctx.session, ctx.dialect.auditSequenceSql);
            const std::int64_t lastId = scan.entries.empty() ? 0 : scan.entries.back().id;
            if (scan.chain.detail.empty() && seq.executeStep() && seq.getColumn(0).getInt64() > lastId)
                scan.chain = {false, "audit entries after " + std::to_string(lastId) + " (up to " +
                                         std::to_string(seq.getColumn(0).getInt64()) + ") are missing"};
        }
    }
    if (!scan.entries.empty())
        scan.head = scan.entries.back();
    if (scan.chain.detail.empty()) {
        scan.chain = {true, "ok"};
        if (linksOnly)
            scan.chain.detail = "ok (" + std::to_string(linksOnly) + " entries written before schema version 9 "
                                "lost their text with a purged patient and are verified by their links alone)";
    }
    return scan;
}

} // namespace sp::db::store
