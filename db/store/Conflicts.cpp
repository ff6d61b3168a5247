#include "db/store/Conflicts.h"

#include <vector>

namespace sp::db::store {
namespace {

// "by ana on 2026-03-01T09:30:00.123Z": the newest audit entry matching `where` (?1 bound).
std::string whoAndWhen(const StoreContext& ctx, const std::string& where, std::int64_t id)
{
    Statement st(*ctx.session, "SELECT actor, at FROM audit_log WHERE " + where + " ORDER BY id DESC LIMIT 1");
    st.bind(1, id);
    if (!st.executeStep())
        return "by someone else";
    return "by " + textOf(st.getColumn(0)) + " at " + textOf(st.getColumn(1));
}

[[noreturn]] void throwConflict(const std::string& message)
{
    throw DbError(DbErrorKind::Conflict, message);
}

} // namespace

void requireLatestRevision(const StoreContext& ctx, std::int64_t planId, int baseRevision)
{
    Statement st(*ctx.session, "SELECT number, author, created_at FROM plan_revisions WHERE plan_id = ?1 "
                               "ORDER BY number DESC LIMIT 1");
    st.bind(1, planId);
    if (!st.executeStep())
        throwNotFound("plan " + std::to_string(planId) + " has no revision");
    const int latest = st.getColumn(0).getInt();
    if (latest == baseRevision)
        return;
    if (baseRevision > latest || baseRevision < 1)
        throwInvalid({{"base_revision", "plan " + std::to_string(planId) + " has no revision " +
                                            std::to_string(baseRevision) + " (its latest is " +
                                            std::to_string(latest) + ")"}});
    throwConflict("plan " + std::to_string(planId) + " changed while this draft was open: revision " +
                  std::to_string(latest) + " was saved by " + textOf(st.getColumn(1)) + " at " +
                  textOf(st.getColumn(2)) + ", and this draft was based on revision " +
                  std::to_string(baseRevision) + ". Nothing was saved; review their revision, then save the draft "
                  "again on top of it.");
}

void requireCurrentNoteVersion(const StoreContext& ctx, std::int64_t noteId, int currentVersion, int version)
{
    if (version == currentVersion)
        return;
    if (version < 1 || version > currentVersion)
        throwInvalid({{"version", "note " + std::to_string(noteId) + " has no version " + std::to_string(version) +
                                      " (its current one is " + std::to_string(currentVersion) + ")"}});
    throwConflict("note " + std::to_string(noteId) + " was amended " +
                  whoAndWhen(ctx, "entity = 'note' AND action = 'amend' AND entity_id = ?1", noteId) +
                  " (now version " + std::to_string(currentVersion) + ") after version " + std::to_string(version) +
                  " was opened for this amendment. Nothing was saved; review their version, then amend again.");
}

Patient mergePatientEdit(const StoreContext& ctx, const Patient& stored, const Patient& read, const Patient& edited)
{
    auto [merged, clashes] = sp::mergePatientEdit(stored, read, edited);
    if (clashes.empty())
        return merged;
    std::string list;
    for (const std::string& name : clashes)
        list += (list.empty() ? "" : ", ") + name;
    throwConflict("patient " + std::to_string(stored.id) + " was changed " +
                  whoAndWhen(ctx, "entity = 'patient' AND action = 'update' AND entity_id = ?1", stored.id) +
                  " while this edit was open, in the same field" + (clashes.size() > 1 ? "s" : "") + " (" + list +
                  "). Nothing was saved; review their change, then edit again.");
}

} // namespace sp::db::store
