#include "db/store/PatientRepo.h"

#include "core/TextFold.h"
#include "db/store/AuditLog.h"
#include "db/store/Conflicts.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdint>

namespace sp::db::store {
namespace {

using nlohmann::json;

constexpr const char* kColumns = "p.id, p.name, p.date_of_birth, p.email, p.phone, p.clinician, p.archived, "
                                 "p.notes, p.preference, p.screening_date, p.screening_answers";
// Reception may read only the contact columns (the server grants no more, migration 0013):
// the clinical ones come back as a patient without notes, preference or screening.
constexpr const char* kContactColumns = "p.id, p.name, p.date_of_birth, p.email, p.phone, p.clinician, p.archived, "
                                        "'', 'unknown', NULL, NULL";

bool contactsOnly(const StoreContext& ctx)
{
    return ctx.signedIn && ctx.signedIn->role == StaffRole::Reception;
}

const char* columnsFor(const StoreContext& ctx)
{
    return contactsOnly(ctx) ? kContactColumns : kColumns;
}

// Reception writes the contact fields only: an edit of the clinical ones is refused here,
// before anything is sent, with the words the server's trigger would use.
void requireContactEdit(const StoreContext& ctx, const Patient& read, const Patient& edited)
{
    if (!contactsOnly(ctx))
        return;
    if (edited.notes != read.notes || edited.preference != read.preference || edited.screening != read.screening ||
        edited.archived != read.archived)
        throw DbError(DbErrorKind::Forbidden, "reception may not change patient " + std::to_string(edited.id) +
                                                  "'s notes, directional preference, screening or archiving: they "
                                                  "are for clinicians (signed in as " + ctx.signedIn->login + ")");
}


Patient patientOf(const Statement& st)
{
    Patient p;
    p.id = st.getColumn(0).getInt64();
    p.name = textOf(st.getColumn(1));
    p.dateOfBirth = optionalDate(st.getColumn(2));
    p.email = textOf(st.getColumn(3));
    p.phone = textOf(st.getColumn(4));
    p.clinician = textOf(st.getColumn(5));
    p.archived = st.getColumn(6).getInt() != 0;
    p.notes = textOf(st.getColumn(7));
    p.preference = enumOf<DirectionalPreference>(st.getColumn(8));
    if (!st.getColumn(9).isNull()) {
        RedFlagScreening s;
        s.date = dateOf(st.getColumn(9));
        for (const json& a : json::parse(textOf(st.getColumn(10))))
            s.answers.push_back({a.at("flag").get<std::string>(), a.at("present").get<bool>()});
        p.screening = std::move(s);
    }
    return p;
}

std::string answersJson(const RedFlagScreening& s)
{
    json answers = json::array();
    for (const RedFlagAnswer& a : s.answers)
        answers.push_back({{"flag", a.flag}, {"present", a.present}});
    return answers.dump();
}

void bindScreening(Statement& st, int dateIndex, const std::optional<RedFlagScreening>& s)
{
    if (s) {
        bindText(st, dateIndex, s->date.toString());
        bindText(st, dateIndex + 1, answersJson(*s));
    } else {
        st.bind(dateIndex);
        st.bind(dateIndex + 1);
    }
}

std::vector<FieldError> problemsOf(const Patient& p)
{
    FieldErrors errors;
    errors.merge("", validate(p));
    if (p.dateOfBirth)
        requireRealDate(errors, "date_of_birth", *p.dateOfBirth);
    if (p.screening)
        requireRealDate(errors, "screening/date", p.screening->date);
    return errors.list();
}

// The folded name and its words, kept beside the name so that search is an index lookup.
void indexName(StoreContext& ctx, std::int64_t id, const std::string& name)
{
    const std::string folded = foldForSearch(name);
    Statement setFolded(*ctx.session, "UPDATE patients SET folded_name = ?2 WHERE id = ?1");
    setFolded.bind(1, static_cast<std::int64_t>(id));
    bindText(setFolded, 2, folded);
    setFolded.exec();
    Statement clear(*ctx.session, "DELETE FROM patient_name_words WHERE patient_id = ?1");
    clear.bind(1, static_cast<std::int64_t>(id));
    clear.exec();
    Statement add(*ctx.session, "INSERT INTO patient_name_words (word, patient_id) VALUES (?2, ?1) ON CONFLICT DO NOTHING");
    for (const std::string& word : splitWords(folded)) {
        add.bind(1, static_cast<std::int64_t>(id));
        bindText(add, 2, word);
        add.exec();
        add.reset();
    }
}

// The fields an update changed, by name only: the audit log never holds their values.
json changedFields(const Patient& before, const Patient& after)
{
    json fields = json::array();
    const auto note = [&](const char* name, bool changed) {
        if (changed)
            fields.push_back(name);
    };
    note("name", before.name != after.name);
    note("date_of_birth", before.dateOfBirth != after.dateOfBirth);
    note("email", before.email != after.email);
    note("phone", before.phone != after.phone);
    note("clinician", before.clinician != after.clinician);
    note("notes", before.notes != after.notes);
    note("preference", before.preference != after.preference);
    return fields;
}

Patient load(const StoreContext& ctx, std::int64_t id)
{
    Statement st(*ctx.session, std::string("SELECT ") + columnsFor(ctx) + " FROM patients p WHERE p.id = ?1");
    st.bind(1, static_cast<std::int64_t>(id));
    if (!st.executeStep())
        throwNotFound("no patient " + std::to_string(id));
    return patientOf(st);
}

void runForPatient(StoreContext& ctx, const char* sql, std::int64_t patientId)
{
    Statement st(*ctx.session, sql);
    st.bind(1, static_cast<std::int64_t>(patientId));
    st.exec();
}

} // namespace

void requirePatient(const StoreContext& ctx, std::int64_t id)
{
    if (!queryId(ctx, "SELECT id FROM patients WHERE id = ?1", id))
        throwNotFound("no patient " + std::to_string(id));
}

std::string patientSearchSql(const Dialect& dialect, std::size_t words, bool contactsOnly)
{
    // U+10FFFF sorts after every character a word can continue with, so [w, w || U+10FFFF)
    // is exactly the words that start with w: an index range, not a scan.
    const std::string& prefixEnd = dialect.maxCharSuffix;
    // The ordered join (CROSS JOIN on SQLite) fixes the order: the rare prefix drives, then
    // each match by its key in the small covering index (migration 0008) to sort by name and keep one page; only the
    // patients of that page are then read whole.
    std::string page = "SELECT c.id FROM (SELECT DISTINCT patient_id FROM patient_name_words"
                       " WHERE word >= ?3 AND word < ?3" + prefixEnd + ") AS m" + dialect.orderedJoin +
                       "patients AS c" + dialect.searchIndexHint + " ON c.id = m.patient_id"
                       " WHERE (?1 = 1 OR c.archived = 0)";
    for (std::size_t i = 1; i < words; ++i) {
        const std::string param = "?" + std::to_string(3 + i);
        page += " AND EXISTS (SELECT 1 FROM patient_name_words AS w WHERE w.patient_id = c.id"
                " AND w.word >= " + param + " AND w.word < " + param + prefixEnd + ")";
    }
    page += " ORDER BY c.folded_name, c.id LIMIT ?2";
    return std::string("SELECT ") + (contactsOnly ? kContactColumns : kColumns) + " FROM (" + page + ") AS top" + dialect.orderedJoin + "patients AS p ON p.id = top.id" +
           " ORDER BY p.folded_name, p.id";
}

std::int64_t PatientRepo::add(const Patient& patient)
{
    return guarded(m_ctx, "add a patient", [&] {
        if (auto problems = problemsOf(patient); !problems.empty())
            throwInvalid(problems);
        WriteTransaction tx(m_ctx);
        const std::string now = m_ctx.now();
        Statement st(*m_ctx.session,
                             "INSERT INTO patients (name, date_of_birth, email, phone, clinician, archived, notes, "
                             "preference, screening_date, screening_answers, created_at, updated_at) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11) RETURNING id");
        bindText(st, 1, patient.name);
        bindOptional(st, 2, patient.dateOfBirth);
        bindText(st, 3, patient.email);
        bindText(st, 4, patient.phone);
        bindText(st, 5, patient.clinician);
        st.bind(6, patient.archived ? 1 : 0);
        bindText(st, 7, patient.notes);
        bindText(st, 8, toString(patient.preference));
        bindScreening(st, 9, patient.screening);
        bindText(st, 11, now);
        const std::int64_t id = st.insertReturningId();
        indexName(m_ctx, id, patient.name);
        appendAudit(m_ctx, "create", "patient", id, id);
        tx.commit();
        return id;
    });
}

Patient PatientRepo::get(std::int64_t id) const
{
    return guarded(m_ctx, "read patient " + std::to_string(id), [&] { return load(m_ctx, id); });
}

std::vector<Patient> PatientRepo::search(const PatientQuery& query) const
{
    return guarded(m_ctx, "search the patients", [&] {
        std::vector<std::string> words = splitWords(foldForSearch(query.text));
        std::sort(words.begin(), words.end());
        words.erase(std::unique(words.begin(), words.end()), words.end());
        // The longest word is the most selective prefix: let it drive the index range.
        std::stable_sort(words.begin(), words.end(),
                         [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
        constexpr std::size_t kMaxWords = 32;
        if (words.size() > kMaxWords)
            throwInvalid({{"text", "has too many words (" + std::to_string(words.size()) + ", at most " +
                                       std::to_string(kMaxWords) + ")"}});
        const std::string sql = words.empty() ? std::string("SELECT ") + columnsFor(m_ctx) +
                                                    " FROM patients AS p WHERE (?1 = 1 OR p.archived = 0)"
                                                    " ORDER BY p.folded_name, p.id LIMIT ?2"
                                              : patientSearchSql(m_ctx.dialect, words.size(), contactsOnly(m_ctx));
        Statement st(*m_ctx.session, sql);
        st.bind(1, query.includeArchived ? 1 : 0);
        st.bind(2, static_cast<std::int64_t>(std::min<std::size_t>(query.limit, INT64_MAX)));
        for (std::size_t i = 0; i < words.size(); ++i)
            bindText(st, static_cast<int>(3 + i), words[i]);
        std::vector<Patient> out;
        while (st.executeStep())
            out.push_back(patientOf(st));
        return out;
    });
}

void PatientRepo::update(const Patient& read, const Patient& edited)
{
    guarded(m_ctx, "update patient " + std::to_string(edited.id), [&] {
        if (read.id != edited.id)
            throwInvalid({{"id", "the edit is of patient " + std::to_string(edited.id) + ", the record it was made "
                                 "from is patient " + std::to_string(read.id) + "'s"}});
        if (auto problems = problemsOf(edited); !problems.empty())
            throwInvalid(problems);
        requireContactEdit(m_ctx, read, edited);
        WriteTransaction tx(m_ctx);
        const Patient before = load(m_ctx, edited.id);
        const Patient patient = mergePatientEdit(m_ctx, before, read, edited);
        Statement st(*m_ctx.session,
                     contactsOnly(m_ctx) ? "UPDATE patients SET name = ?2, date_of_birth = ?3, email = ?4, phone = ?5, "
                                           "clinician = ?6, updated_at = ?7 WHERE id = ?1"
                                         : "UPDATE patients SET name = ?2, date_of_birth = ?3, email = ?4, phone = ?5, "
                                           "clinician = ?6, updated_at = ?7, notes = ?8, preference = ?9 WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(patient.id));
        bindText(st, 2, patient.name);
        bindOptional(st, 3, patient.dateOfBirth);
        bindText(st, 4, patient.email);
        bindText(st, 5, patient.phone);
        bindText(st, 6, patient.clinician);
        bindText(st, 7, m_ctx.now());
        if (!contactsOnly(m_ctx)) {
            bindText(st, 8, patient.notes);
            bindText(st, 9, toString(patient.preference));
        }
        st.exec();
        if (before.name != patient.name)
            indexName(m_ctx, patient.id, patient.name);
        appendAudit(m_ctx, "update", "patient", patient.id, patient.id, {{"fields", changedFields(before, patient)}});
        tx.commit();
    });
}

void PatientRepo::setArchived(std::int64_t id, bool archived)
{
    guarded(m_ctx, std::string(archived ? "archive" : "unarchive") + " patient " + std::to_string(id), [&] {
        WriteTransaction tx(m_ctx);
        requirePatient(m_ctx, id);
        Statement st(*m_ctx.session, "UPDATE patients SET archived = ?2, updated_at = ?3 WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(id));
        st.bind(2, archived ? 1 : 0);
        bindText(st, 3, m_ctx.now());
        st.exec();
        appendAudit(m_ctx, archived ? "archive" : "unarchive", "patient", id, id);
        tx.commit();
    });
}

void PatientRepo::recordScreening(std::int64_t id, const RedFlagScreening& screening)
{
    guarded(m_ctx, "record the screening of patient " + std::to_string(id), [&] {
        FieldErrors errors;
        requireRealDate(errors, "screening/date", screening.date);
        for (std::size_t i = 0; i < screening.answers.size(); ++i)
            errors.line("screening/" + std::to_string(i) + "/flag", screening.answers[i].flag, 1, 130);
        if (!errors.empty())
            throwInvalid(errors.list());
        WriteTransaction tx(m_ctx);
        requirePatient(m_ctx, id);
        Statement st(*m_ctx.session, "UPDATE patients SET screening_date = ?2, screening_answers = ?3, "
                                       "updated_at = ?4 WHERE id = ?1");
        st.bind(1, static_cast<std::int64_t>(id));
        bindScreening(st, 2, screening);
        bindText(st, 4, m_ctx.now());
        st.exec();
        // How many flags were asked about; which were present is clinical data, not audit.
        appendAudit(m_ctx, "screen", "patient", id, id, {{"answers", screening.answers.size()}});
        tx.commit();
    });
}

Erasure PatientRepo::purge(std::int64_t id)
{
    guarded(m_ctx, "purge patient " + std::to_string(id), [&] {
        WriteTransaction tx(m_ctx);
        requirePatient(m_ctx, id);
        // Children first: the foreign keys refuse orphans, and the immutability triggers
        // let these deletes through only while purge_guard names this patient.
        runForPatient(m_ctx, "INSERT INTO purge_guard (patient_id) VALUES (?1)", id);
        runForPatient(m_ctx, "DELETE FROM note_version_psfs WHERE note_id IN "
                          "(SELECT id FROM follow_up_notes WHERE patient_id = ?1)", id);
        runForPatient(m_ctx, "DELETE FROM note_versions WHERE note_id IN "
                          "(SELECT id FROM follow_up_notes WHERE patient_id = ?1)", id);
        runForPatient(m_ctx, "DELETE FROM psfs_scores WHERE note_id IN "
                          "(SELECT id FROM follow_up_notes WHERE patient_id = ?1)", id);
        runForPatient(m_ctx, "DELETE FROM follow_up_notes WHERE patient_id = ?1", id);
        runForPatient(m_ctx, "DELETE FROM handout_log WHERE patient_id = ?1", id);
        runForPatient(m_ctx, "DELETE FROM plan_items WHERE revision_id IN (SELECT r.id FROM plan_revisions r "
                          "JOIN plans p ON p.id = r.plan_id WHERE p.patient_id = ?1)", id);
        runForPatient(m_ctx, "DELETE FROM plan_revisions WHERE plan_id IN "
                          "(SELECT id FROM plans WHERE patient_id = ?1)", id);
        runForPatient(m_ctx, "DELETE FROM plans WHERE patient_id = ?1", id);
        runForPatient(m_ctx, "DELETE FROM patient_name_words WHERE patient_id = ?1", id);
        // Free text about the patient in the audit log (override reasons); the chained
        // entries keep only its salted digest, so the chain still verifies.
        runForPatient(m_ctx, "DELETE FROM audit_texts WHERE patient_id = ?1", id);
        runForPatient(m_ctx, "DELETE FROM patients WHERE id = ?1", id);
        runForPatient(m_ctx, "DELETE FROM purge_guard WHERE patient_id = ?1", id);
        m_ctx.hooks->purging();
        appendAudit(m_ctx, "purge", "patient", id, id);
        tx.commit();
    });
    return m_ctx.hooks->finishErasure();
}

} // namespace sp::db::store
