// The one ClinicStore both engines share: the repositories of db/store over a session, and
// what only the engine can do (its integrity check, a consistent backup, the schema
// version, the audit chain's anchor) from a StoreBackend. Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/AuditLog.h"
#include "db/store/StoreContext.h"

#include <filesystem>
#include <memory>

namespace sp::db::store {

class StoreBackend : public StoreHooks {
public:
    virtual CheckResult integrity() = 0;
    virtual CheckResult foreignKeys() = 0;
    // The audit chain scanned (scanAuditChain), and compared with whatever anchors it
    // outside the tables; fills report.auditChain, auditAnchor and auditHead.
    virtual void checkAuditChain(CheckReport& report) = 0;
    virtual AuditHead backup(const std::filesystem::path& target) = 0;
    virtual int schemaVersion() = 0;
    virtual std::unique_ptr<ChangeFeed> watchChanges() { return nullptr; }
};

// The store over `ctx`; sets ctx.hooks to the backend, which must refer to the same ctx.
std::unique_ptr<ClinicStore> makeSharedStore(std::unique_ptr<StoreContext> ctx, std::unique_ptr<StoreBackend> backend);

// The context of a store made by makeSharedStore, for tools that work below the
// repositories (a whole-clinic copy). Throws DbError(Internal) for any other store.
StoreContext& contextOf(ClinicStore& store);

// One part of a check: an engine error there is a finding, not a reason to skip the rest.
template <class Part> CheckResult checkPart(Part&& part)
{
    try {
        return part();
    } catch (const std::exception& e) {
        return {false, std::string("the check itself failed: ") + e.what()};
    }
}

} // namespace sp::db::store
