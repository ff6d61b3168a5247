#include "db/sqlite/AuditLog.h"

#include "db/sqlite/AuditChain.h"
#include "db/sqlite/ChainCheckpoints.h"
#include "db/sqlite/PatientRepo.h"

#include <algorithm>
#include <cstdint>
#include <utility>

namespace fs = std::filesystem;

namespace sp::db::sqlite {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.at, a.actor, a.action, a.entity, a.entity_id, a.patient_id, a.details, a.prev_hash, a.hash, "
    "t.text, a.format, a.text_digest, t.salt, t.entry_id IS NOT NULL, "
    "EXISTS (SELECT 1 FROM patients p WHERE p.id = a.patient_id) "
    "FROM audit_log a LEFT JOIN audit_texts t ON t.entry_id = a.id ";

// The value of text_digest in a format-1 entry whose reason migration 9 moved out of its details.
constexpr const char* kMovedReason = "details.reason";

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

ChainedRow chainedRowOf(const SQLite::Statement& st)
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

// The checkpoints against the entries as the chain check read them (id order).
CheckResult compareWithCheckpoints(const CheckpointFile& file, const std::vector<AuditHead>& entries)
{
    if (!file.problems.empty())
        return {false, "the checkpoint file is damaged: " + file.problems.front()};
    std::vector<AuditHead> sorted = file.checkpoints;
    std::stable_sort(sorted.begin(), sorted.end(), [](const AuditHead& a, const AuditHead& b) { return a.id < b.id; });
    for (const AuditHead& c : sorted) {
        const auto it = std::lower_bound(entries.begin(), entries.end(), c.id,
                                         [](const AuditHead& e, std::int64_t id) { return e.id < id; });
        const std::string id = std::to_string(c.id);
        if (it == entries.end() || it->id != c.id)
            return {false, "audit entry " + id + " was checkpointed but is missing from the log: entries were removed"};
        if (it->hash != c.hash)
            return {false, "audit entry " + id + " does not match its checkpoint: it, or the chain up to it, was "
                                                 "rewritten after it was written"};
    }
    return {true, "ok"};
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
    SQLite::Statement last(ctx.db, "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
    if (last.executeStep())
        e.prevHash = textOf(last.getColumn(0));
    std::optional<std::string> digest;
    const std::string salt = freeText.empty() ? "" : newAuditTextSalt();
    if (!freeText.empty())
        digest = auditTextDigest(salt, freeText);
    e.hash = auditEntryHashV2(e, digest);

    SQLite::Statement insert(ctx.db, "INSERT INTO audit_log (at, actor, action, entity, entity_id, patient_id, "
                                     "details, prev_hash, hash, format, text_digest) "
                                     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 2, ?10)");
    bindText(insert, 1, e.at);
    bindText(insert, 2, e.actor);
    bindText(insert, 3, e.action);
    bindText(insert, 4, e.entity);
    insert.bind(5, static_cast<int64_t>(e.entityId));
    bindOptional(insert, 6, e.patientId);
    bindText(insert, 7, e.details);
    bindText(insert, 8, e.prevHash);
    bindText(insert, 9, e.hash);
    if (digest)
        bindText(insert, 10, *digest);
    else
        insert.bind(10);
    insert.exec();
    const std::int64_t id = ctx.db.getLastInsertRowid();
    if (digest) {
        SQLite::Statement text(ctx.db, "INSERT INTO audit_texts (entry_id, patient_id, salt, text) "
                                       "VALUES (?1, ?2, ?3, ?4)");
        text.bind(1, static_cast<int64_t>(id));
        bindOptional(text, 2, e.patientId);
        bindText(text, 3, salt);
        bindText(text, 4, freeText);
        text.exec();
    }
    ctx.uncommittedAuditHead = AuditHead{id, e.hash};
}

void checkpointCommittedAudit(StoreContext& ctx) noexcept
{
    const std::optional<AuditHead> head = std::exchange(ctx.uncommittedAuditHead, std::nullopt);
    if (!head)
        return;
    try {
        appendCheckpoint(checkpointFileOf(ctx.file), *head);
    } catch (...) { // committed already: check() reports the entries no checkpoint covers
    }
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
        SQLite::Statement st(m_ctx.db, std::string(kColumns) +
                                           (query.patientId ? "WHERE a.patient_id = ?2 " : "") +
                                           "ORDER BY a.id DESC LIMIT ?1");
        st.bind(1, static_cast<int64_t>(std::min<std::size_t>(query.limit, INT64_MAX)));
        if (query.patientId)
            st.bind(2, static_cast<int64_t>(*query.patientId));
        std::vector<AuditEntry> out;
        while (st.executeStep())
            out.push_back(entryOf(st));
        return out;
    });
}

ChainVerdict verifyAuditChain(const StoreContext& ctx)
{
    ChainVerdict verdict;
    // Read before the snapshot: a checkpoint is written after its entry commits, so every
    // checkpoint read here names an entry the snapshot below can see.
    const fs::path anchorFile = checkpointFileOf(ctx.file);
    std::optional<CheckpointFile> anchors;
    try {
        anchors = readCheckpoints(anchorFile);
    } catch (const DbError& e) {
        verdict.anchor = {false, e.what()};
    }
    std::vector<AuditHead> entries;
    std::size_t linksOnly = 0;
    {
        ReadSnapshot snapshot(ctx);
        SQLite::Statement st(ctx.db, std::string(kColumns) + "ORDER BY a.id");
        std::string prevHash;
        std::int64_t prevId = 0;
        while (st.executeStep()) {
            const ChainedRow row = chainedRowOf(st);
            const AuditEntry& e = row.entry;
            entries.push_back({e.id, e.hash});
            if (!verdict.chain.detail.empty())
                continue; // the first problem is reported; the anchor still wants every hash
            if (e.prevHash != prevHash) {
                verdict.chain = {false, "audit entry " + std::to_string(e.id) + " does not link to the entry before it" +
                                            (prevId ? " (" + std::to_string(prevId) + ")"
                                                    : std::string(" (it is the first)")) +
                                            ": an entry was removed, reordered or changed"};
                continue;
            }
            const EntryVerdict v = verifyEntry(row);
            if (!v.problem.empty())
                verdict.chain = {false, v.problem};
            linksOnly += v.linksOnly ? 1 : 0;
            prevHash = e.hash;
            prevId = e.id;
        }
        // The chain cannot see its own newest entries go; AUTOINCREMENT remembers the highest id.
        SQLite::Statement seq(ctx.db, "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'");
        const std::int64_t lastId = entries.empty() ? 0 : entries.back().id;
        if (verdict.chain.detail.empty() && seq.executeStep() && seq.getColumn(0).getInt64() > lastId)
            verdict.chain = {false, "audit entries after " + std::to_string(lastId) + " (up to " +
                                        std::to_string(seq.getColumn(0).getInt64()) + ") are missing"};
    }
    if (!entries.empty())
        verdict.head = entries.back();
    if (verdict.chain.detail.empty()) {
        verdict.chain = {true, "ok"};
        if (linksOnly)
            verdict.chain.detail = "ok (" + std::to_string(linksOnly) + " entries written before schema version 9 "
                                   "lost their text with a purged patient and are verified by their links alone)";
    }
    if (!verdict.anchor.detail.empty())
        return verdict; // the file could not be read
    if (!anchors) {
        verdict.anchor = {true, "no checkpoint file " + anchorFile.string() +
                                    ": the chain cannot be compared with an anchor", true};
        if (verdict.head.id == 0) {
            verdict.anchor = {true, "ok (no audit entries yet)"};
            return verdict;
        }
    } else {
        verdict.anchor = compareWithCheckpoints(*anchors, entries);
        const auto newest = std::max_element(anchors->checkpoints.begin(), anchors->checkpoints.end(),
                                             [](const AuditHead& a, const AuditHead& b) { return a.id < b.id; });
        const std::int64_t covered = newest == anchors->checkpoints.end() ? 0 : newest->id;
        if (!verdict.anchor.ok || covered >= verdict.head.id)
            return verdict;
        verdict.anchor.detail = "ok (entries " + std::to_string(covered + 1) + " to " +
                                std::to_string(verdict.head.id) + " were newer than the last checkpoint)";
    }
    // Anchor what was just verified: a first checkpoint, or the head a failed write missed.
    if (!verdict.chain.ok)
        return verdict;
    try {
        appendCheckpoint(anchorFile, verdict.head);
        if (!anchors)
            verdict.anchor.detail += "; a first checkpoint was started at entry " + std::to_string(verdict.head.id);
    } catch (const DbError& e) {
        verdict.anchor.detail += std::string("; ") + e.what();
        verdict.anchor.warning = true;
    }
    return verdict;
}

} // namespace sp::db::sqlite
