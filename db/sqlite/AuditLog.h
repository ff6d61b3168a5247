// The audit log over SQLite: entries appended inside the transaction of the change they
// record, chained by hash, never updated or deleted (triggers refuse it). Internal to sp_db.
#pragma once

#include "db/ClinicStore.h"
#include "db/sqlite/StoreContext.h"

#include <nlohmann/json.hpp>

namespace sp::db::sqlite {

class AuditLog final : public AuditRepository {
public:
    explicit AuditLog(StoreContext& ctx) : m_ctx(ctx) {}

    void record(const std::string& action, const std::string& entity, std::int64_t entityId,
                std::optional<std::int64_t> patientId, const std::string& details,
                const std::string& freeText) override;
    std::vector<AuditEntry> list(const AuditQuery& query) const override;

private:
    StoreContext& m_ctx;
};

// Appends one entry, linked to the newest, inside the caller's write transaction (which
// holds the write lock, so no other process can append between the read and the write).
// `details` must hold no personal data: field names, numbers, enum spellings only; free
// text about the patient goes in `freeText` (kept in audit_texts, chained by its digest).
// The entry becomes ctx.uncommittedAuditHead, anchored when the transaction commits.
void appendAudit(StoreContext& ctx, const std::string& action, const std::string& entity, std::int64_t entityId,
                 std::optional<std::int64_t> patientId, const nlohmann::json& details = nlohmann::json::object(),
                 const std::string& freeText = {});

struct ChainVerdict {
    CheckResult chain;  // every entry's hash and link
    CheckResult anchor; // the entries against the checkpoint file
    AuditHead head;
};

// Every entry's hash and link recomputed, oldest first (the first problem names its
// entry), then compared with the checkpoints beside the file. Starts the checkpoint file
// when there is none, and adds the head when the last checkpoint is behind it.
ChainVerdict verifyAuditChain(const StoreContext& ctx);

} // namespace sp::db::sqlite
