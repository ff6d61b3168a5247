// The clinic's own profile: the single row of clinic_profile, its logo a BLOB.
// Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

namespace sp::db::store {

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

} // namespace sp::db::store
