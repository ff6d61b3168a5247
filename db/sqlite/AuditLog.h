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
                std::optional<std::int64_t> patientId, const std::string& details) override;
    std::vector<AuditEntry> list(const AuditQuery& query) const override;

private:
    StoreContext& m_ctx;
};

// Appends one entry, linked to the newest, inside the caller's write transaction (which
// holds the write lock, so no other process can append between the read and the write).
// `details` must hold no personal data: field names, numbers, enum spellings only.
void appendAudit(StoreContext& ctx, const std::string& action, const std::string& entity, std::int64_t entityId,
                 std::optional<std::int64_t> patientId, const nlohmann::json& details = nlohmann::json::object());

// Every entry's hash and link recomputed, oldest first; the first problem names its entry.
CheckResult verifyAuditChain(const StoreContext& ctx);

} // namespace sp::db::sqlite
