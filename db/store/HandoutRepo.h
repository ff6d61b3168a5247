// The log of handouts given out. Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

namespace sp::db::store {

class HandoutRepo final : public HandoutLogRepository {
public:
    explicit HandoutRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::int64_t add(const HandoutRecord& record) override;
    // Newest first, like the notes and the audit log.
    std::vector<HandoutRecord> listForPatient(std::int64_t patientId) const override;

private:
    StoreContext& m_ctx;
};

} // namespace sp::db::store
