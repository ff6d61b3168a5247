// Follow-up notes, their amendments with every version kept, and the list of
// patients due for one. Internal to the store libraries.
#pragma once

#include "db/ClinicStore.h"
#include "db/store/StoreContext.h"

namespace sp::db::store {

class NoteRepo final : public NoteRepository {
public:
    explicit NoteRepo(StoreContext& ctx) : m_ctx(ctx) {}

    std::int64_t add(const FollowUpNote& note) override;
    int amend(const FollowUpNote& note, const std::string& reason) override;
    FollowUpNote get(std::int64_t noteId) const override;
    std::vector<NoteVersion> versions(std::int64_t noteId) const override;
    std::vector<FollowUpNote> listForPatient(std::int64_t patientId) const override;
    std::vector<FollowUpDue> due(const Date& until) const override;

private:
    StoreContext& m_ctx;
};

} // namespace sp::db::store
