#include "db/store/SharedStore.h"

#include "db/store/ClinicPackRepo.h"
#include "db/store/ClinicRepo.h"
#include "db/store/HandoutRepo.h"
#include "db/store/NoteRepo.h"
#include "db/store/PatientRepo.h"
#include "db/store/PlanRepo.h"
#include "db/store/StaffRepo.h"

namespace sp::db::store {
namespace {

class SharedStore final : public ClinicStore {
public:
    SharedStore(std::unique_ptr<StoreContext> ctx, std::unique_ptr<StoreBackend> backend)
        : m_ctx(std::move(ctx)), m_backend(std::move(backend)), m_patients(*m_ctx), m_plans(*m_ctx),
          m_notes(*m_ctx), m_handouts(*m_ctx), m_audit(*m_ctx), m_clinic(*m_ctx), m_staff(*m_ctx), m_clinicPack(*m_ctx)
    {
        m_ctx->hooks = m_backend.get();
    }
    ~SharedStore() override
    {
        // The backend goes first (it refers to the session); the context's session last.
        m_backend.reset();
    }

    PatientRepository& patients() override { return m_patients; }
    PlanRepository& plans() override { return m_plans; }
    NoteRepository& notes() override { return m_notes; }
    HandoutLogRepository& handouts() override { return m_handouts; }
    AuditRepository& audit() override { return m_audit; }
    ClinicRepository& clinic() override { return m_clinic; }
    const PatientRepository& patients() const override { return m_patients; }
    const PlanRepository& plans() const override { return m_plans; }
    const NoteRepository& notes() const override { return m_notes; }
    const HandoutLogRepository& handouts() const override { return m_handouts; }
    const AuditRepository& audit() const override { return m_audit; }
    const ClinicRepository& clinic() const override { return m_clinic; }
    StaffRepository& staff() override { return m_staff; }
    ClinicPackRepository& clinicPack() override { return m_clinicPack; }
    std::optional<StaffMember> signedIn() const override { return m_ctx->signedIn; }

    CheckReport check() override
    {
        CheckReport report;
        report.integrity = checkPart([&] { return m_backend->integrity(); });
        report.foreignKeys = checkPart([&] { return m_backend->foreignKeys(); });
        report.revisions = checkPart([&] { return checkRevisions(); });
        try {
            m_backend->checkAuditChain(report);
        } catch (const std::exception& e) {
            report.auditChain = {false, std::string("the check itself failed: ") + e.what()};
            report.auditAnchor = {false, "not compared: the chain could not be read"};
        }
        return report;
    }
    AuditHead backup(const std::filesystem::path& target) override { return m_backend->backup(target); }
    std::unique_ptr<ChangeFeed> watchChanges() override { return m_backend->watchChanges(); }
    StoreContext& context() { return *m_ctx; }
    int schemaVersion() const override
    {
        return guarded(*m_ctx, "read the schema version", [&] { return m_backend->schemaVersion(); });
    }

private:
    // Every revision read back through the repository, as a handout would read it.
    CheckResult checkRevisions()
    {
        ReadSnapshot snapshot(*m_ctx);
        std::vector<std::int64_t> ids;
        {
            Statement st(*m_ctx->session, "SELECT id FROM plan_revisions ORDER BY id");
            while (st.executeStep())
                ids.push_back(st.getColumn(0).getInt64());
        }
        for (const std::int64_t id : ids) {
            try {
                m_plans.revisionById(id);
            } catch (const DbError& e) {
                return {false, "plan revision " + std::to_string(id) + " cannot be read: " + e.what()};
            }
        }
        return {true, "ok (" + std::to_string(ids.size()) + " revisions read back whole)"};
    }

    std::unique_ptr<StoreContext> m_ctx;
    std::unique_ptr<StoreBackend> m_backend;
    PatientRepo m_patients;
    PlanRepo m_plans;
    NoteRepo m_notes;
    HandoutRepo m_handouts;
    AuditLog m_audit;
    ClinicRepo m_clinic;
    StaffRepo m_staff;
    ClinicPackRepo m_clinicPack;
};

} // namespace

StoreContext& contextOf(ClinicStore& store)
{
    if (auto* shared = dynamic_cast<SharedStore*>(&store))
        return shared->context();
    throw DbError(DbErrorKind::Internal, "this store is not one of StretchPlan's own");
}

std::unique_ptr<ClinicStore> makeSharedStore(std::unique_ptr<StoreContext> ctx, std::unique_ptr<StoreBackend> backend)
{
    return std::make_unique<SharedStore>(std::move(ctx), std::move(backend));
}

} // namespace sp::db::store
