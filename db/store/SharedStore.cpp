#include "db/store/SharedStore.h"

#include "db/store/ClinicRepo.h"
#include "db/store/HandoutRepo.h"
#include "db/store/NoteRepo.h"
#include "db/store/PatientRepo.h"
#include "db/store/PlanRepo.h"

namespace sp::db::store {
namespace {

class SharedStore final : public ClinicStore {
public:
    SharedStore(std::unique_ptr<StoreContext> ctx, std::unique_ptr<StoreBackend> backend)
        : m_ctx(std::move(ctx)), m_backend(std::move(backend)), m_patients(*m_ctx), m_plans(*m_ctx),
          m_notes(*m_ctx), m_handouts(*m_ctx), m_audit(*m_ctx), m_clinic(*m_ctx)
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

    CheckReport check() override
    {
        CheckReport report;
        report.integrity = checkPart([&] { return m_backend->integrity(); });
        report.foreignKeys = checkPart([&] { return m_backend->foreignKeys(); });
        try {
            m_backend->checkAuditChain(report);
        } catch (const std::exception& e) {
            report.auditChain = {false, std::string("the check itself failed: ") + e.what()};
            report.auditAnchor = {false, "not compared: the chain could not be read"};
        }
        return report;
    }
    AuditHead backup(const std::filesystem::path& target) override { return m_backend->backup(target); }
    int schemaVersion() const override
    {
        return guarded(*m_ctx, "read the schema version", [&] { return m_backend->schemaVersion(); });
    }

private:
    std::unique_ptr<StoreContext> m_ctx;
    std::unique_ptr<StoreBackend> m_backend;
    PatientRepo m_patients;
    PlanRepo m_plans;
    NoteRepo m_notes;
    HandoutRepo m_handouts;
    AuditLog m_audit;
    ClinicRepo m_clinic;
};

} // namespace

std::unique_ptr<ClinicStore> makeSharedStore(std::unique_ptr<StoreContext> ctx, std::unique_ptr<StoreBackend> backend)
{
    return std::make_unique<SharedStore>(std::move(ctx), std::move(backend));
}

} // namespace sp::db::store
