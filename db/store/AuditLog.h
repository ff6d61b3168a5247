// The audit log: entries appended inside the transaction of the change they record,
// chained by hash, never updated or deleted (triggers refuse it). Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

#include <nlohmann/json.hpp>

namespace sp::db::store {

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

struct ChainScan {
    CheckResult chain;              // every entry's hash and link
    std::vector<AuditHead> entries; // id and hash of every entry, oldest first
    AuditHead head;
};

// Every entry's hash and link recomputed, oldest first, in one snapshot; the first
// problem names its entry.
ChainScan scanAuditChain(const StoreContext& ctx);

} // namespace sp::db::store
