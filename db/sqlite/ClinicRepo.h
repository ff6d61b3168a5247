// The clinic's own profile over SQLite: the single row of clinic_profile, its logo a BLOB.
// Internal to sp_db.
#pragma once

#include "db/ClinicStore.h"
#include "db/sqlite/StoreContext.h"

namespace sp::db::sqlite {

class ClinicRepo final : public ClinicRepository {
public:
    explicit ClinicRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::optional<ClinicProfile> get() const override;
    // The first set() is audited as "create", later ones as "update"; both name the
    // fields they wrote (every non-empty one on create, the changed ones on update).
    void set(const ClinicProfile& profile) override;

private:
    StoreContext& m_ctx;
};

} // namespace sp::db::sqlite
