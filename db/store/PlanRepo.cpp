#include "db/store/PlanRepo.h"

#include "core/ExerciseJson.h"
#include "core/JsonText.h"
#include "db/store/AuditLog.h"
#include "db/store/Conflicts.h"
#include "db/store/PatientRepo.h"

#include <nlohmann/json.hpp>

namespace sp::db::store {
namespace {

using nlohmann::json;

constexpr const char* kPlanSelect =
    "SELECT pl.id, pl.patient_id, pl.title, pl.status, pl.created_at, "
    "coalesce((SELECT max(r.number) FROM plan_revisions r WHERE r.plan_id = pl.id), 0) FROM plans pl ";
constexpr const char* kRevisionSelect =
    "SELECT id, plan_id, number, created_at, author, reason, goals FROM plan_revisions ";

Plan planOf(const Statement& st)
{
    Plan p;
    p.id = st.getColumn(0).getInt64();
    p.patientId = st.getColumn(1).getInt64();
    p.title = textOf(st.getColumn(2));
    p.status = enumOf<PlanStatus>(st.getColumn(3));
    p.createdAt = textOf(st.getColumn(4));
    p.latestRevision = st.getColumn(5).getInt();
    return p;
}

PlanRevision revisionOf(const Statement& st)
{
    PlanRevision r;
    r.id = st.getColumn(0).getInt64();
    r.planId = st.getColumn(1).getInt64();
    r.number = st.getColumn(2).getInt();
    r.createdAt = textOf(st.getColumn(3));
    r.author = textOf(st.getColumn(4));
    r.reason = textOf(st.getColumn(5));
    r.goals = json::parse(textOf(st.getColumn(6))).get<std::vector<std::string>>();
    return r;
}

// The snapshot as it was stored: the pack format, read back with the pack's own parser.
Exercise snapshotOf(const std::string& exerciseId, const std::string& text, std::int64_t itemId)
{
    std::vector<Problem> problems;
    ProblemSink sink("plan item " + std::to_string(itemId), problems);
    std::optional<Exercise> exercise;
    if (auto document = parseJsonText(text, sink))
        exercise = parseExercise(*document, sink);
    const auto ref = parseIdRef(exerciseId);
    if (!exercise || !ref)
        throwCorruptRow(problems.empty() ? "plan item " + std::to_string(itemId) + " names no exercise"
                                         : problems.front().format());
    exercise->pack = ref->pack;
    return std::move(*exercise);
}

void loadItems(const StoreContext& ctx, PlanRevision& r)
{
    Statement st(*ctx.session, "SELECT id, exercise_id, snapshot, sets, reps, hold_s, rest_s, per_day, "
                                 "days_per_week, side, tempo_s, note FROM plan_items "
                                 "WHERE revision_id = ?1 ORDER BY position");
    st.bind(1, static_cast<std::int64_t>(r.id));
    while (st.executeStep()) {
        PlanItem item;
        item.exerciseId = textOf(st.getColumn(1));
        item.snapshot = snapshotOf(item.exerciseId, textOf(st.getColumn(2)), st.getColumn(0).getInt64());
        Dosage& d = item.dosage;
        d.sets = st.getColumn(3).getInt();
        d.reps = st.getColumn(4).getInt();
        d.hold_s = st.getColumn(5).getInt();
        d.rest_s = st.getColumn(6).getInt();
        d.perDay = st.getColumn(7).getInt();
        d.daysPerWeek = st.getColumn(8).getInt();
        d.side = enumOf<Side>(st.getColumn(9));
        d.tempo_s = st.getColumn(10).getInt();
        item.note = textOf(st.getColumn(11));
        r.items.push_back(std::move(item));
    }
}

// The core checks, plus what the store needs to read an item back exactly: a qualified
// exercise id that is the snapshot's own, and a snapshot the pack parser accepts.
std::vector<FieldError> problemsOf(const PlanRevision& revision, const std::string& actor)
{
    PlanRevision stored = revision;
    stored.author = actor;
    FieldErrors errors;
    errors.merge("", validate(stored));
    for (std::size_t i = 0; i < revision.items.size(); ++i) {
        const PlanItem& item = revision.items[i];
        const std::string at = "items/" + std::to_string(i) + "/";
        const auto ref = parseIdRef(item.exerciseId);
        if (!ref || ref->pack.empty()) {
            errors.add(at + "exercise", "\"" + item.exerciseId + "\" is not a qualified exercise id (pack/exercise)");
            continue;
        }
        if (item.exerciseId != item.snapshot.qualifiedId())
            errors.add(at + "snapshot", "is exercise \"" + item.snapshot.qualifiedId() + "\", not \"" +
                                            item.exerciseId + "\"");
        std::vector<Problem> problems;
        ProblemSink sink(item.exerciseId, problems);
        try {
            // Through the text it will be stored as, so that reading it back cannot fail.
            const auto document = parseJsonText(toJson(item.snapshot).dump(), sink);
            if (document && !parseExercise(*document, sink) && problems.empty())
                sink.add("", "is not a valid exercise");
        } catch (const json::exception&) {
            sink.add("", "holds text that is not valid UTF-8");
        }
        if (!problems.empty())
            errors.add(at + "snapshot", problems.front().format());
    }
    return errors.list();
}

std::int64_t insertRevision(StoreContext& ctx, std::int64_t planId, int number, const PlanRevision& r)
{
    Statement st(*ctx.session, "INSERT INTO plan_revisions (plan_id, number, created_at, author, reason, goals) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
    st.bind(1, static_cast<std::int64_t>(planId));
    st.bind(2, number);
    bindText(st, 3, ctx.now());
    bindText(st, 4, ctx.actor);
    bindText(st, 5, r.reason);
    bindText(st, 6, json(r.goals).dump());
    const std::int64_t revisionId = st.insertReturningId();
    Statement item(*ctx.session, "INSERT INTO plan_items (revision_id, position, exercise_id, snapshot, sets, "
                                   "reps, hold_s, rest_s, per_day, days_per_week, side, tempo_s, note) "
                                   "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
    for (std::size_t i = 0; i < r.items.size(); ++i) {
        const PlanItem& it = r.items[i];
        item.bind(1, static_cast<std::int64_t>(revisionId));
        item.bind(2, static_cast<int>(i));
        bindText(item, 3, it.exerciseId);
        bindText(item, 4, toJson(it.snapshot).dump());
        item.bind(5, it.dosage.sets);
        item.bind(6, it.dosage.reps);
        item.bind(7, it.dosage.hold_s);
        item.bind(8, it.dosage.rest_s);
        item.bind(9, it.dosage.perDay);
        item.bind(10, it.dosage.daysPerWeek);
        bindText(item, 11, toString(it.dosage.side));
        item.bind(12, it.dosage.tempo_s);
        bindText(item, 13, it.note);
        item.exec();
        item.reset();
    }
    return revisionId;
}

// The plan's patient; throws NotFound for an unknown plan.
std::int64_t requirePlan(const StoreContext& ctx, std::int64_t planId)
{
    const auto patient = queryId(ctx, "SELECT patient_id FROM plans WHERE id = ?1", planId);
    if (!patient)
        throwNotFound("no plan " + std::to_string(planId));
    return *patient;
}

} // namespace

std::optional<std::int64_t> patientOfRevision(const StoreContext& ctx, std::int64_t revisionId)
{
    return queryId(ctx, "SELECT p.patient_id FROM plan_revisions r JOIN plans p ON p.id = r.plan_id WHERE r.id = ?1",
                   revisionId);
}

std::int64_t PlanRepo::create(std::int64_t patientId, const std::string& title, const PlanRevision& first)
{
    return guarded(m_ctx, "create a plan for patient " + std::to_string(patientId), [&] {
        FieldErrors errors;
        errors.merge("", validatePlanTitle(title));
        errors.merge("", problemsOf(first, m_ctx.actor));
        if (!errors.empty())
            throwInvalid(errors.list());
        WriteTransaction tx(m_ctx);
        requirePatient(m_ctx, patientId);
        Statement st(*m_ctx.session, "INSERT INTO plans (patient_id, title, status, created_at) "
                                       "VALUES (?1, ?2, ?3, ?4) RETURNING id");
        st.bind(1, static_cast<std::int64_t>(patientId));
        bindText(st, 2, title);
        bindText(st, 3, toString(PlanStatus::Active));
        bindText(st, 4, m_ctx.now());
        const std::int64_t planId = st.insertReturningId();
        const std::int64_t revisionId = insertRevision(m_ctx, planId, 1, first);
        appendAudit(m_ctx, "create", "plan", planId, patientId, {{"revision_id", revisionId}});
        tx.commit();
        return planId;
    });
}

int PlanRepo::revise(std::int64_t planId, const PlanRevision& next, int baseRevision)
{
    return guarded(m_ctx, "revise plan " + std::to_string(planId), [&] {
        if (auto problems = problemsOf(next, m_ctx.actor); !problems.empty())
            throwInvalid(problems);
        WriteTransaction tx(m_ctx);
        const std::int64_t patientId = requirePlan(m_ctx, planId);
        requireLatestRevision(m_ctx, planId, baseRevision);
        const int number = baseRevision + 1;
        const std::int64_t revisionId = insertRevision(m_ctx, planId, number, next);
        appendAudit(m_ctx, "revise", "revision", revisionId, patientId, {{"plan_id", planId}, {"number", number}});
        tx.commit();
        return number;
    });
}

void PlanRepo::setStatus(std::int64_t planId, PlanStatus status)
{
    guarded(m_ctx, "change the status of plan " + std::to_string(planId), [&] {
        if (!parseEnum<PlanStatus>(toString(status)))
            throwInvalid({{"status", "is not one of " + enumChoices<PlanStatus>()}});
        WriteTransaction tx(m_ctx);
        const std::int64_t patientId = requirePlan(m_ctx, planId);
        Statement st(*m_ctx.session, "UPDATE plans SET status = ?2 WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(planId));
        bindText(st, 2, toString(status));
        st.exec();
        appendAudit(m_ctx, "status", "plan", planId, patientId, {{"status", toString(status)}});
        tx.commit();
    });
}

Plan PlanRepo::get(std::int64_t planId) const
{
    return guarded(m_ctx, "read plan " + std::to_string(planId), [&] {
        Statement st(*m_ctx.session, std::string(kPlanSelect) + "WHERE pl.id = ?1");
        st.bind(1, static_cast<std::int64_t>(planId));
        if (!st.executeStep())
            throwNotFound("no plan " + std::to_string(planId));
        return planOf(st);
    });
}

std::vector<Plan> PlanRepo::listForPatient(std::int64_t patientId) const
{
    return guarded(m_ctx, "list the plans of patient " + std::to_string(patientId), [&] {
        ReadSnapshot snapshot(m_ctx);
        requirePatient(m_ctx, patientId);
        Statement st(*m_ctx.session, std::string(kPlanSelect) + "WHERE pl.patient_id = ?1 ORDER BY pl.id");
        st.bind(1, static_cast<std::int64_t>(patientId));
        std::vector<Plan> out;
        while (st.executeStep())
            out.push_back(planOf(st));
        return out;
    });
}

PlanRevision PlanRepo::revision(std::int64_t planId, int number) const
{
    return guarded(m_ctx, "read plan " + std::to_string(planId) + " revision " + std::to_string(number), [&] {
        ReadSnapshot snapshot(m_ctx);
        requirePlan(m_ctx, planId);
        Statement st(*m_ctx.session, std::string(kRevisionSelect) +
                                           (number == 0 ? "WHERE plan_id = ?1 ORDER BY number DESC LIMIT 1"
                                                        : "WHERE plan_id = ?1 AND number = ?2"));
        st.bind(1, static_cast<std::int64_t>(planId));
        if (number != 0)
            st.bind(2, number);
        if (!st.executeStep())
            throwNotFound("plan " + std::to_string(planId) + " has no revision " + std::to_string(number));
        PlanRevision r = revisionOf(st);
        loadItems(m_ctx, r);
        return r;
    });
}

PlanRevision PlanRepo::revisionById(std::int64_t revisionId) const
{
    return guarded(m_ctx, "read plan revision " + std::to_string(revisionId), [&] {
        ReadSnapshot snapshot(m_ctx);
        Statement st(*m_ctx.session, std::string(kRevisionSelect) + "WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(revisionId));
        if (!st.executeStep())
            throwNotFound("no plan revision " + std::to_string(revisionId));
        PlanRevision r = revisionOf(st);
        loadItems(m_ctx, r);
        return r;
    });
}

std::vector<PlanRevision> PlanRepo::history(std::int64_t planId) const
{
    return guarded(m_ctx, "read the history of plan " + std::to_string(planId), [&] {
        ReadSnapshot snapshot(m_ctx);
        requirePlan(m_ctx, planId);
        Statement st(*m_ctx.session, std::string(kRevisionSelect) + "WHERE plan_id = ?1 ORDER BY number");
        st.bind(1, static_cast<std::int64_t>(planId));
        std::vector<PlanRevision> out;
        while (st.executeStep())
            out.push_back(revisionOf(st));
        return out;
    });
}

} // namespace sp::db::store
