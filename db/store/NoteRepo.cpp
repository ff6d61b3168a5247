#include "db/store/NoteRepo.h"

#include "db/store/AuditLog.h"
#include "db/store/Conflicts.h"
#include "db/store/PatientRepo.h"
#include "db/store/PlanRepo.h"

namespace sp::db::store {
namespace {

constexpr const char* kNoteColumns =
    "id, patient_id, revision_id, visit_date, pain_now, pain_worst, pain_best, sessions_done, sessions_prescribed, "
    "subjective, objective, assessment, plan_text, next_due, author, created_at, version, amended_by, amended_at, "
    "amend_reason";

// What a visit recorded, from revision_id to next_due, in the columns from `first` on: the
// same in a note and in each of its kept versions.
void readVisit(const Statement& st, int first, FollowUpNote& n)
{
    n.revisionId = optionalId(st.getColumn(first));
    n.visitDate = dateOf(st.getColumn(first + 1));
    n.painNow = st.getColumn(first + 2).getInt();
    n.painWorst = optionalInt(st.getColumn(first + 3));
    n.painBest = optionalInt(st.getColumn(first + 4));
    n.sessionsDone = optionalInt(st.getColumn(first + 5));
    n.sessionsPrescribed = optionalInt(st.getColumn(first + 6));
    n.subjective = textOf(st.getColumn(first + 7));
    n.objective = textOf(st.getColumn(first + 8));
    n.assessment = textOf(st.getColumn(first + 9));
    n.planText = textOf(st.getColumn(first + 10));
    n.nextDue = optionalDate(st.getColumn(first + 11));
}

FollowUpNote noteOf(const Statement& st)
{
    FollowUpNote n;
    n.id = st.getColumn(0).getInt64();
    n.patientId = st.getColumn(1).getInt64();
    readVisit(st, 2, n);
    n.author = textOf(st.getColumn(14));
    n.createdAt = textOf(st.getColumn(15));
    n.version = st.getColumn(16).getInt();
    n.amendedBy = textOf(st.getColumn(17));
    n.amendedAt = textOf(st.getColumn(18));
    return n;
}

std::vector<PsfsScore> psfsOf(const StoreContext& ctx, const char* sql, std::int64_t noteId, int version = 0)
{
    Statement st(*ctx.session, sql);
    st.bind(1, static_cast<std::int64_t>(noteId));
    if (version > 0)
        st.bind(2, version);
    std::vector<PsfsScore> out;
    while (st.executeStep())
        out.push_back({textOf(st.getColumn(0)), st.getColumn(1).getInt()});
    return out;
}

void insertPsfs(StoreContext& ctx, std::int64_t noteId, const std::vector<PsfsScore>& scores)
{
    Statement st(*ctx.session, "INSERT INTO psfs_scores (note_id, position, activity, score) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < scores.size(); ++i) {
        st.bind(1, static_cast<std::int64_t>(noteId));
        st.bind(2, static_cast<int>(i));
        bindText(st, 3, scores[i].activity);
        st.bind(4, scores[i].score);
        st.exec();
        st.reset();
    }
}

// What add and amend both check before opening a transaction.
void requireValid(const FollowUpNote& note, FieldErrors errors = {})
{
    errors.merge("", validate(note));
    requireRealDate(errors, "visit_date", note.visitDate);
    if (note.nextDue)
        requireRealDate(errors, "next_due", *note.nextDue);
    if (!errors.empty())
        throwInvalid(errors.list());
}

void requireOwnRevision(const StoreContext& ctx, const FollowUpNote& note)
{
    if (note.revisionId && patientOfRevision(ctx, *note.revisionId) != note.patientId)
        throwInvalid({{"revision", "plan revision " + std::to_string(*note.revisionId) +
                                       " is not a revision of one of patient " + std::to_string(note.patientId) +
                                       "'s plans"}});
}

FollowUpNote loadNote(const StoreContext& ctx, std::int64_t noteId)
{
    Statement st(*ctx.session, std::string("SELECT ") + kNoteColumns + " FROM follow_up_notes WHERE id = ?1");
    st.bind(1, static_cast<std::int64_t>(noteId));
    if (!st.executeStep())
        throwNotFound("no note " + std::to_string(noteId));
    FollowUpNote n = noteOf(st);
    n.psfs = psfsOf(ctx, "SELECT activity, score FROM psfs_scores WHERE note_id = ?1 ORDER BY position", noteId);
    return n;
}

void bindClinicalFields(Statement& st, const FollowUpNote& note)
{
    // ?2 to ?13, in the column order of follow_up_notes.
    bindOptional(st, 2, note.revisionId);
    bindText(st, 3, note.visitDate.toString());
    st.bind(4, note.painNow);
    bindOptional(st, 5, note.painWorst);
    bindOptional(st, 6, note.painBest);
    bindOptional(st, 7, note.sessionsDone);
    bindOptional(st, 8, note.sessionsPrescribed);
    bindText(st, 9, note.subjective);
    bindText(st, 10, note.objective);
    bindText(st, 11, note.assessment);
    bindText(st, 12, note.planText);
    bindOptional(st, 13, note.nextDue);
}

} // namespace

std::int64_t NoteRepo::add(const FollowUpNote& note)
{
    return guarded(m_ctx, "add a note for patient " + std::to_string(note.patientId), [&] {
        requireValid(note);
        WriteTransaction tx(m_ctx);
        requirePatient(m_ctx, note.patientId);
        requireOwnRevision(m_ctx, note);
        Statement st(*m_ctx.session,
                             "INSERT INTO follow_up_notes (patient_id, revision_id, visit_date, pain_now, pain_worst, "
                             "pain_best, sessions_done, sessions_prescribed, subjective, objective, assessment, "
                             "plan_text, next_due, author, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15) RETURNING id");
        st.bind(1, static_cast<std::int64_t>(note.patientId));
        bindClinicalFields(st, note);
        bindText(st, 14, m_ctx.actor);
        bindText(st, 15, m_ctx.now());
        const std::int64_t id = st.insertReturningId();
        insertPsfs(m_ctx, id, note.psfs);
        appendAudit(m_ctx, "create", "note", id, note.patientId);
        tx.commit();
        return id;
    });
}

int NoteRepo::amend(const FollowUpNote& note, const std::string& reason)
{
    return guarded(m_ctx, "amend note " + std::to_string(note.id), [&] {
        FieldErrors reasonErrors;
        reasonErrors.line("reason", reason, 1, 500);
        requireValid(note, reasonErrors);
        WriteTransaction tx(m_ctx);
        const FollowUpNote before = loadNote(m_ctx, note.id);
        if (before.patientId != note.patientId)
            throwInvalid({{"patient", "note " + std::to_string(note.id) + " is patient " +
                                          std::to_string(before.patientId) + "'s, not patient " +
                                          std::to_string(note.patientId) + "'s"}});
        requireCurrentNoteVersion(m_ctx, note.id, before.version, note.version);
        requireOwnRevision(m_ctx, note);
        const std::vector<std::string> changed = changedFields(before, note);
        if (changed.empty())
            throwInvalid({{"note", "has no change to amend"}});
        // The version being replaced is copied first: the triggers refuse the update and
        // the PSFS deletes below unless that copy is there, field for field.
        Statement keep(*m_ctx.session,
                               "INSERT INTO note_versions (note_id, version, revision_id, visit_date, pain_now, "
                               "pain_worst, pain_best, sessions_done, sessions_prescribed, subjective, objective, "
                               "assessment, plan_text, next_due, written_by, written_at, reason) "
                               "SELECT id, version, revision_id, visit_date, pain_now, pain_worst, pain_best, "
                               "sessions_done, sessions_prescribed, subjective, objective, assessment, plan_text, "
                               "next_due, coalesce(amended_by, author), coalesce(amended_at, created_at), amend_reason "
                               "FROM follow_up_notes WHERE id = ?1");
        keep.bind(1, static_cast<std::int64_t>(note.id));
        keep.exec();
        Statement keepPsfs(*m_ctx.session, "INSERT INTO note_version_psfs (note_id, version, position, activity, "
                                             "score) SELECT note_id, ?2, position, activity, score FROM psfs_scores "
                                             "WHERE note_id = ?1");
        keepPsfs.bind(1, static_cast<std::int64_t>(note.id));
        keepPsfs.bind(2, before.version);
        keepPsfs.exec();
        Statement drop(*m_ctx.session, "DELETE FROM psfs_scores WHERE note_id = ?1");
        drop.bind(1, static_cast<std::int64_t>(note.id));
        drop.exec();
        Statement st(*m_ctx.session,
                             "UPDATE follow_up_notes SET revision_id = ?2, visit_date = ?3, pain_now = ?4, "
                             "pain_worst = ?5, pain_best = ?6, sessions_done = ?7, sessions_prescribed = ?8, "
                             "subjective = ?9, objective = ?10, assessment = ?11, plan_text = ?12, next_due = ?13, "
                             "version = ?14, amended_by = ?15, amended_at = ?16, amend_reason = ?17 WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(note.id));
        bindClinicalFields(st, note);
        st.bind(14, before.version + 1);
        bindText(st, 15, m_ctx.actor);
        bindText(st, 16, m_ctx.now());
        bindText(st, 17, reason);
        st.exec();
        insertPsfs(m_ctx, note.id, note.psfs);
        // Which fields changed, not to what: the audit log holds no clinical data.
        appendAudit(m_ctx, "amend", "note", note.id, note.patientId,
                    {{"version", before.version + 1}, {"fields", changed}});
        tx.commit();
        return before.version + 1;
    });
}

FollowUpNote NoteRepo::get(std::int64_t noteId) const
{
    return guarded(m_ctx, "read note " + std::to_string(noteId), [&] {
        ReadSnapshot snapshot(m_ctx);
        return loadNote(m_ctx, noteId);
    });
}

std::vector<NoteVersion> NoteRepo::versions(std::int64_t noteId) const
{
    return guarded(m_ctx, "read the versions of note " + std::to_string(noteId), [&] {
        ReadSnapshot snapshot(m_ctx);
        const FollowUpNote current = loadNote(m_ctx, noteId);
        Statement st(*m_ctx.session,
                             "SELECT version, revision_id, visit_date, pain_now, pain_worst, pain_best, sessions_done, "
                             "sessions_prescribed, subjective, objective, assessment, plan_text, next_due, written_by, "
                             "written_at, reason FROM note_versions WHERE note_id = ?1 ORDER BY version");
        st.bind(1, static_cast<std::int64_t>(noteId));
        std::vector<NoteVersion> out;
        while (st.executeStep()) {
            NoteVersion v;
            v.version = st.getColumn(0).getInt();
            FollowUpNote& n = v.note;
            n.id = current.id;
            n.patientId = current.patientId;
            n.author = current.author;
            n.createdAt = current.createdAt;
            n.version = v.version;
            readVisit(st, 1, n);
            v.writtenBy = textOf(st.getColumn(13));
            v.writtenAt = textOf(st.getColumn(14));
            v.reason = textOf(st.getColumn(15));
            if (v.version > 1) {
                n.amendedBy = v.writtenBy;
                n.amendedAt = v.writtenAt;
            }
            n.psfs = psfsOf(m_ctx, "SELECT activity, score FROM note_version_psfs WHERE note_id = ?1 AND version = ?2 "
                                   "ORDER BY position", noteId, v.version);
            out.push_back(std::move(v));
        }
        NoteVersion last;
        last.version = current.version;
        last.note = current;
        last.writtenBy = current.version > 1 ? current.amendedBy : current.author;
        last.writtenAt = current.version > 1 ? current.amendedAt : current.createdAt;
        Statement reason(*m_ctx.session, "SELECT amend_reason FROM follow_up_notes WHERE id = ?1");
        reason.bind(1, static_cast<std::int64_t>(noteId));
        if (reason.executeStep())
            last.reason = textOf(reason.getColumn(0));
        out.push_back(std::move(last));
        return out;
    });
}

std::vector<FollowUpNote> NoteRepo::listForPatient(std::int64_t patientId) const
{
    return guarded(m_ctx, "list the notes of patient " + std::to_string(patientId), [&] {
        ReadSnapshot snapshot(m_ctx);
        requirePatient(m_ctx, patientId);
        Statement st(*m_ctx.session, std::string("SELECT ") + kNoteColumns +
                                           " FROM follow_up_notes WHERE patient_id = ?1 "
                                           "ORDER BY visit_date DESC, id DESC");
        st.bind(1, static_cast<std::int64_t>(patientId));
        Statement psfs(*m_ctx.session, "SELECT activity, score FROM psfs_scores WHERE note_id = ?1 "
                                         "ORDER BY position");
        std::vector<FollowUpNote> out;
        while (st.executeStep()) {
            FollowUpNote n = noteOf(st);
            psfs.bind(1, static_cast<std::int64_t>(n.id));
            while (psfs.executeStep())
                n.psfs.push_back({textOf(psfs.getColumn(0)), psfs.getColumn(1).getInt()});
            psfs.reset();
            out.push_back(std::move(n));
        }
        return out;
    });
}

std::vector<FollowUpDue> NoteRepo::due(const Date& until) const
{
    return guarded(m_ctx, "list the follow-ups due", [&] {
        FieldErrors errors;
        requireRealDate(errors, "until", until);
        if (!errors.empty())
            throwInvalid(errors.list());
        // Only the latest note of each patient decides; latest_notes keeps it (triggers),
        // so this is a range of its next_due index instead of a ranking of every note.
        Statement st(*m_ctx.session,
                             "SELECT p.id, p.name, n.next_due, n.visit_date FROM latest_notes AS n "
                             "JOIN patients AS p ON p.id = n.patient_id "
                             "WHERE n.next_due IS NOT NULL AND n.next_due <= ?1 AND p.archived = 0 "
                             "ORDER BY n.next_due, p.folded_name, p.id");
        bindText(st, 1, until.toString());
        std::vector<FollowUpDue> out;
        while (st.executeStep())
            out.push_back({st.getColumn(0).getInt64(), textOf(st.getColumn(1)), dateOf(st.getColumn(2)),
                           dateOf(st.getColumn(3))});
        return out;
    });
}

} // namespace sp::db::store
