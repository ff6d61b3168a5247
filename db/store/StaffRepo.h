// The clinic's accounts on a server: read from the staff table, changed only through the
// server's admin functions (staff_add, staff_disable, staff_set_role; migration 0010),
// each change audited in the same transaction. A file has no accounts: every call throws
// DbError(Invalid, kNoAccounts). Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

namespace sp::db::store {

class StaffRepo final : public StaffRepository {
public:
    explicit StaffRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::vector<StaffMember> list() const override;
    void add(const StaffMember& member, const std::string& password) override;
    void disable(const std::string& login) override;
    void setRole(const std::string& login, StaffRole role) override;

private:
    StoreContext& m_ctx;
};

} // namespace sp::db::store
