#include "db/sqlite/NoteRepo.h"

#include "db/sqlite/AuditLog.h"
#include "db/sqlite/PatientRepo.h"
#include "db/sqlite/PlanRepo.h"

namespace sp::db::sqlite {
namespace {

FollowUpNote noteOf(const SQLite::Statement& st)
{
    FollowUpNote n;
    n.id = st.getColumn(0).getInt64();
    n.patientId = st.getColumn(1).getInt64();
    n.revisionId = optionalId(st.getColumn(2));
    n.visitDate = dateOf(st.getColumn(3));
    n.painNow = st.getColumn(4).getInt();
    n.painWorst = optionalInt(st.getColumn(5));
    n.painBest = optionalInt(st.getColumn(6));
    n.sessionsDone = optionalInt(st.getColumn(7));
    n.sessionsPrescribed = optionalInt(st.getColumn(8));
    n.subjective = textOf(st.getColumn(9));
    n.objective = textOf(st.getColumn(10));
    n.assessment = textOf(st.getColumn(11));
    n.planText = textOf(st.getColumn(12));
    n.nextDue = optionalDate(st.getColumn(13));
    n.author = textOf(st.getColumn(14));
    n.createdAt = textOf(st.getColumn(15));
    return n;
}

void insertPsfs(StoreContext& ctx, std::int64_t noteId, const std::vector<PsfsScore>& scores)
{
    SQLite::Statement st(ctx.db, "INSERT INTO psfs_scores (note_id, position, activity, score) "
                                 "VALUES (?1, ?2, ?3, ?4)");
    for (std::size_t i = 0; i < scores.size(); ++i) {
        st.bind(1, static_cast<int64_t>(noteId));
        st.bind(2, static_cast<int>(i));
        bindText(st, 3, scores[i].activity);
        st.bind(4, scores[i].score);
        st.exec();
        st.reset();
    }
}

} // namespace

std::int64_t NoteRepo::add(const FollowUpNote& note)
{
    return guarded(m_ctx, "add a note for patient " + std::to_string(note.patientId), [&] {
        FieldErrors errors;
        errors.merge("", validate(note));
        requireRealDate(errors, "visit_date", note.visitDate);
        if (note.nextDue)
            requireRealDate(errors, "next_due", *note.nextDue);
        if (!errors.empty())
            throwInvalid(errors.list());
        WriteTransaction tx(m_ctx);
        requirePatient(m_ctx, note.patientId);
        if (note.revisionId && patientOfRevision(m_ctx, *note.revisionId) != note.patientId)
            throwInvalid({{"revision", "plan revision " + std::to_string(*note.revisionId) +
                                           " is not a revision of one of patient " +
                                           std::to_string(note.patientId) + "'s plans"}});
        SQLite::Statement st(m_ctx.db,
                             "INSERT INTO follow_up_notes (patient_id, revision_id, visit_date, pain_now, pain_worst, "
                             "pain_best, sessions_done, sessions_prescribed, subjective, objective, assessment, "
                             "plan_text, next_due, author, created_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)");
        st.bind(1, static_cast<int64_t>(note.patientId));
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
        bindText(st, 14, m_ctx.actor);
        bindText(st, 15, m_ctx.now());
        st.exec();
        const std::int64_t id = m_ctx.db.getLastInsertRowid();
        insertPsfs(m_ctx, id, note.psfs);
        appendAudit(m_ctx, "create", "note", id, note.patientId);
        tx.commit();
        return id;
    });
}

std::vector<FollowUpNote> NoteRepo::listForPatient(std::int64_t patientId) const
{
    return guarded(m_ctx, "list the notes of patient " + std::to_string(patientId), [&] {
        ReadSnapshot snapshot(m_ctx);
        requirePatient(m_ctx, patientId);
        SQLite::Statement st(m_ctx.db,
                             "SELECT id, patient_id, revision_id, visit_date, pain_now, pain_worst, pain_best, "
                             "sessions_done, sessions_prescribed, subjective, objective, assessment, plan_text, "
                             "next_due, author, created_at FROM follow_up_notes WHERE patient_id = ?1 "
                             "ORDER BY visit_date DESC, id DESC");
        st.bind(1, static_cast<int64_t>(patientId));
        SQLite::Statement psfs(m_ctx.db, "SELECT activity, score FROM psfs_scores WHERE note_id = ?1 "
                                         "ORDER BY position");
        std::vector<FollowUpNote> out;
        while (st.executeStep()) {
            FollowUpNote n = noteOf(st);
            psfs.bind(1, static_cast<int64_t>(n.id));
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
        SQLite::Statement st(m_ctx.db,
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

} // namespace sp::db::sqlite
