// Plans and their immutable revisions. Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

namespace sp::db::store {

class PlanRepo final : public PlanRepository {
public:
    explicit PlanRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::int64_t create(std::int64_t patientId, const std::string& title, const PlanRevision& first) override;
    int revise(std::int64_t planId, const PlanRevision& next, int baseRevision) override;
    void setStatus(std::int64_t planId, PlanStatus status) override;
    Plan get(std::int64_t planId) const override;
    std::vector<Plan> listForPatient(std::int64_t patientId) const override;
    PlanRevision revision(std::int64_t planId, int number = 0) const override;
    PlanRevision revisionById(std::int64_t revisionId) const override;
    std::vector<PlanRevision> history(std::int64_t planId) const override;

private:
    StoreContext& m_ctx;
};

// The patient a plan revision belongs to, or nullopt when there is no such revision.
std::optional<std::int64_t> patientOfRevision(const StoreContext& ctx, std::int64_t revisionId);

} // namespace sp::db::store
