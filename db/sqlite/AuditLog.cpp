#include "db/sqlite/AuditLog.h"

#include "db/sqlite/AuditChain.h"
#include "db/sqlite/PatientRepo.h"

#include <algorithm>
#include <cstdint>

namespace sp::db::sqlite {
namespace {

constexpr const char* kColumns =
    "SELECT id, at, actor, action, entity, entity_id, patient_id, details, prev_hash, hash FROM audit_log ";

AuditEntry entryOf(const SQLite::Statement& st)
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
    return e;
}

} // namespace

void appendAudit(StoreContext& ctx, const std::string& action, const std::string& entity, std::int64_t entityId,
                 std::optional<std::int64_t> patientId, const nlohmann::json& details)
{
    AuditEntry e;
    e.at = ctx.now();
    e.actor = ctx.actor;
    e.action = action;
    e.entity = entity;
    e.entityId = entityId;
    e.patientId = patientId;
    e.details = details.dump();
    SQLite::Statement last(ctx.db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (last.executeStep())
        e.prevHash = textOf(last.getColumn(0));
    e.hash = auditEntryHash(e);

    SQLite::Statement insert(ctx.db, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, "
                                     "details, prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    bindText(insert, 1, e.at);
    bindText(insert, 2, e.actor);
    bindText(insert, 3, e.action);
    bindText(insert, 4, e.entity);
    insert.bind(5, static_cast<int64_t>(e.entityId));
    bindOptional(insert, 6, e.patientId);
    bindText(insert, 7, e.details);
    bindText(insert, 8, e.prevHash);
    bindText(insert, 9, e.hash);
    insert.exec();
}

void AuditLog::record(const std::string& action, const std::string& entity, std::int64_t entityId,
                      std::optional<std::int64_t> patientId, const std::string& details)
{
    guarded(m_ctx, "record \"" + action + "\" in the audit log", [&] {
        FieldErrors errors;
        errors.line("action", action, 1, 64);
        errors.line("entity", entity, 1, 64);
        const auto parsed = nlohmann::json::parse(details, nullptr, false);
        if (parsed.is_discarded() || !parsed.is_object())
            errors.add("details", "is not a JSON object");
        if (!errors.empty())
            throwInvalid(errors.list());
        WriteTransaction tx(m_ctx);
        if (patientId)
            requirePatient(m_ctx, *patientId);
        appendAudit(m_ctx, action, entity, entityId, patientId, parsed);
        tx.commit();
    });
}

std::vector<AuditEntry> AuditLog::list(const AuditQuery& query) const
{
    return guarded(m_ctx, "read the audit log", [&] {
        SQLite::Statement st(m_ctx.db, std::string(kColumns) +
                                           (query.patientId ? "WHERE patient_id = ?2 " : "") +
                                           "ORDER BY id DESC LIMIT ?1");
        st.bind(1, static_cast<int64_t>(std::min<std::size_t>(query.limit, INT64_MAX)));
        if (query.patientId)
            st.bind(2, static_cast<int64_t>(*query.patientId));
        std::vector<AuditEntry> out;
        while (st.executeStep())
            out.push_back(entryOf(st));
        return out;
    });
}

CheckResult verifyAuditChain(const StoreContext& ctx)
{
    ReadSnapshot snapshot(ctx);
    SQLite::Statement st(ctx.db, std::string(kColumns) + "ORDER BY id");
    std::string prevHash;
    std::int64_t prevId = 0;
    while (st.executeStep()) {
        const AuditEntry e = entryOf(st);
        const std::string id = std::to_string(e.id);
        if (e.prevHash != prevHash)
            return {false, "audit entry " + id + " does not link to the entry before it" +
                               (prevId ? " (" + std::to_string(prevId) + ")" : std::string(" (it is the first)")) +
                               ": an entry was removed, reordered or changed"};
        if (auditEntryHash(e) != e.hash)
            return {false, "audit entry " + id + " was changed after it was written (its hash does not match "
                                                 "its content)"};
        prevHash = e.hash;
        prevId = e.id;
    }
    // The chain cannot see its own newest entries go; AUTOINCREMENT remembers the highest id.
    SQLite::Statement seq(ctx.db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
    if (seq.executeStep() && seq.getColumn(0).getInt64() > prevId)
        return {false, "audit entries after " + std::to_string(prevId) + " (up to " +
                           std::to_string(seq.getColumn(0).getInt64()) + ") are missing"};
    return {true, "ok"};
}

} // namespace sp::db::sqlite
