// Patients, with the folded-name word index that makes search ignore case and
// accents, and the purge that erases a patient. Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

#include <cstddef>
#include <string>

namespace sp::db::store {

class PatientRepo final : public PatientRepository {
public:
    explicit PatientRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::int64_t add(const Patient& patient) override;
    Patient get(std::int64_t id) const override;
    std::vector<Patient> search(const PatientQuery& query) const override;
    void update(const Patient& read, const Patient& edited) override;
    void setArchived(std::int64_t id, bool archived) override;
    void recordScreening(std::int64_t id, const RedFlagScreening& screening) override;
    Erasure purge(std::int64_t id) override;

private:
    StoreContext& m_ctx;
};

// Throws DbError(NotFound, "no patient 42") unless the patient exists.
void requirePatient(const StoreContext& ctx, std::int64_t id);

// The search statement for `words` query words (at least one): ?1 include archived (0/1),
// ?2 limit, ?3 the word that drives the index range, ?4... the others; with `contactsOnly`
// (reception) the clinical columns read as empty. Exposed so that a test can ask the
// engine for its query plan.
std::string patientSearchSql(const Dialect& dialect, std::size_t words, bool contactsOnly = false);

} // namespace sp::db::store
