// Patients: every field stored and read back, validation before anything is written,
// search that ignores case and accents and stays an index lookup at clinic scale.
#include "DbFixtures.h"

#include "core/TextFold.h"
#include "db/sqlite/SqliteSession.h"
#include "db/store/PatientRepo.h"

#include <boost/test/unit_test.hpp>

#include <chrono>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

std::vector<std::string> namesOf(const std::vector<Patient>& patients)
{
    std::vector<std::string> out;
    for (const Patient& p : patients)
        out.push_back(p.name);
    return out;
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(patients, StoreFixture)

BOOST_AUTO_TEST_CASE(stores_and_reads_back_every_field)
{
    Patient p = samplePatient();
    p.screening = RedFlagScreening{Date{2025, 2, 1}, {{"lumbar/saddle-anaesthesia", false}, {"lumbar/night-pain", true}}};
    p.archived = true;
    const auto id = store->patients().add(p);
    BOOST_TEST(id > 0);
    p.id = id;
    BOOST_TEST((store->patients().get(id) == p));
}

BOOST_AUTO_TEST_CASE(reads_back_a_patient_without_optional_fields)
{
    Patient p;
    p.name = "Ann Lee";
    p.id = store->patients().add(p);
    BOOST_TEST((store->patients().get(p.id) == p));
}

BOOST_AUTO_TEST_CASE(keeps_free_text_exactly_including_nul_and_sql_characters)
{
    Patient p = samplePatient();
    p.notes = std::string("O'Brien said \"fine\"; DROP TABLE patients; -- 100% _done_\0after the NUL\n\ttab\0\0\0", 78);
    BOOST_TEST_REQUIRE(p.notes.size() == 78u);
    if (onPostgres()) {
        // PostgreSQL cannot store a NUL in text: the store refuses it, saying so, and writes nothing.
        const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->patients().add(p); });
        BOOST_TEST(contains(e.what(), "NUL character"), e.what());
        BOOST_TEST(countRows(*store, "patients") == 0);
        BOOST_TEST(countRows(*store, "audit_log") == 0);
        std::erase(p.notes, '\0'); // the rest is kept exactly
    }
    const auto id = store->patients().add(p);
    BOOST_TEST(store->patients().get(id).notes == p.notes);
}

BOOST_AUTO_TEST_CASE(rejects_invalid_fields_and_writes_nothing)
{
    Patient tooLong = samplePatient(std::string(kMaxPatientNameChars + 1, 'a'));
    Patient badUtf8 = samplePatient("Jos\xC3");
    Patient badEmail = samplePatient();
    badEmail.email = "not-an-address";
    Patient badDate = samplePatient();
    badDate.dateOfBirth = Date{1980, 2, 30};
    const std::vector<std::pair<Patient, std::string>> cases{
        {tooLong, "name"}, {badUtf8, "name"}, {badEmail, "email"}, {badDate, "date_of_birth"}};
    for (const auto& [patient, field] : cases) {
        BOOST_TEST_CONTEXT("field " << field)
        {
            const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->patients().add(patient); });
            BOOST_TEST(hasFieldError(e, field));
            BOOST_TEST(contains(e.what(), field));
        }
    }
    BOOST_TEST(countRows(*store, "patients") == 0);
    BOOST_TEST(countRows(*store, "audit_log") == 0);
}

BOOST_AUTO_TEST_CASE(reports_unknown_ids_as_not_found)
{
    const DbError e = expectDbError(DbErrorKind::NotFound, [&] { store->patients().get(42); });
    BOOST_TEST(std::string(e.what()) == "no patient 42");
    Patient p = samplePatient();
    p.id = 42;
    expectDbError(DbErrorKind::NotFound, [&] { store->patients().update(p, p); });
    expectDbError(DbErrorKind::NotFound, [&] { store->patients().setArchived(42, true); });
    expectDbError(DbErrorKind::NotFound, [&] { store->patients().recordScreening(42, {Date{2025, 1, 1}, {}}); });
    expectDbError(DbErrorKind::NotFound, [&] { store->patients().purge(42); });
    BOOST_TEST(countRows(*store, "audit_log") == 0);
}

BOOST_AUTO_TEST_CASE(updates_every_field_but_archived_and_screening)
{
    Patient p = samplePatient();
    p.screening = RedFlagScreening{Date{2025, 2, 1}, {{"lumbar/night-pain", false}}};
    p.id = store->patients().add(p);
    Patient changed = p;
    changed.name = "Josefa Álvarez";
    changed.email = "josefa@example.org";
    changed.phone = "+34 600 000 000";
    changed.dateOfBirth.reset();
    changed.preference = DirectionalPreference::None;
    changed.archived = true;  // ignored: it has its own call
    changed.screening.reset(); // ignored too
    store->patients().update(p, changed);
    Patient expected = changed;
    expected.archived = false;
    expected.screening = p.screening;
    BOOST_TEST((store->patients().get(p.id) == expected));
    BOOST_TEST(store->patients().search({"josefa"}).size() == 1u);
    BOOST_TEST(store->patients().search({"jose"}).size() == 1u); // "jose" starts "josefa"
}

BOOST_AUTO_TEST_CASE(rejects_an_invalid_update_and_keeps_the_patient)
{
    const auto id = store->patients().add(samplePatient());
    const Patient read = store->patients().get(id);
    Patient p = read;
    p.name = "";
    expectDbError(DbErrorKind::Invalid, [&] { store->patients().update(read, p); });
    BOOST_TEST(store->patients().get(id).name == "José Álvarez");
}

BOOST_AUTO_TEST_CASE(archives_and_unarchives)
{
    const auto id = store->patients().add(samplePatient());
    store->patients().setArchived(id, true);
    BOOST_TEST(store->patients().get(id).archived);
    BOOST_TEST(store->patients().search({"jose"}).empty());
    BOOST_TEST(store->patients().search({"jose", true}).size() == 1u);
    store->patients().setArchived(id, false);
    BOOST_TEST(!store->patients().get(id).archived);
}

BOOST_AUTO_TEST_CASE(records_a_screening)
{
    const auto id = store->patients().add(samplePatient());
    const RedFlagScreening s{Date{2025, 3, 1}, {{"lumbar/cauda-equina", false}, {"lumbar/fever", true}}};
    store->patients().recordScreening(id, s);
    BOOST_TEST((store->patients().get(id).screening == s));
    const DbError e = expectDbError(DbErrorKind::Invalid, [&] {
        store->patients().recordScreening(id, {Date{2025, 3, 1}, {{"", false}}});
    });
    BOOST_TEST(hasFieldError(e, "screening/0/flag"));
    BOOST_TEST((store->patients().get(id).screening == s));
}

BOOST_AUTO_TEST_CASE(finds_names_by_word_prefix_ignoring_case_and_accents)
{
    for (const char* name : {"José Álvarez", "Joséphine Martin", "Alvaro Núñez", "Mary-Ann O'Neil", "Zoë Brown"})
        store->patients().add(samplePatient(name));
    using V = std::vector<std::string>;
    BOOST_TEST((namesOf(store->patients().search({"jose"})) == V{"José Álvarez", "Joséphine Martin"}));
    BOOST_TEST((namesOf(store->patients().search({"alv"})) == V{"Alvaro Núñez", "José Álvarez"}));
    BOOST_TEST((namesOf(store->patients().search({"ÁLVAREZ  josé"})) == V{"José Álvarez"}));
    BOOST_TEST((namesOf(store->patients().search({"nunez"})) == V{"Alvaro Núñez"}));
    BOOST_TEST((namesOf(store->patients().search({"oneil"})) == V{}));  // "o neil": two words
    BOOST_TEST((namesOf(store->patients().search({"o'ne"})) == V{"Mary-Ann O'Neil"}));
    BOOST_TEST((namesOf(store->patients().search({"ann mary"})) == V{"Mary-Ann O'Neil"}));
    BOOST_TEST((namesOf(store->patients().search({"zoe"})) == V{"Zoë Brown"}));
    BOOST_TEST((namesOf(store->patients().search({"vare"})) == V{})); // inside a word: no
    BOOST_TEST((namesOf(store->patients().search({"jose xyz"})) == V{}));
}

BOOST_AUTO_TEST_CASE(lists_everyone_by_folded_name_and_honours_the_limit)
{
    for (const char* name : {"émile zola", "Beth Orton", "ada Lovelace", "Ángel Díaz"})
        store->patients().add(samplePatient(name));
    using V = std::vector<std::string>;
    BOOST_TEST((namesOf(store->patients().search({})) == V{"ada Lovelace", "Ángel Díaz", "Beth Orton", "émile zola"}));
    BOOST_TEST((namesOf(store->patients().search({"", false, 2})) == V{"ada Lovelace", "Ángel Díaz"}));
}

BOOST_AUTO_TEST_CASE(treats_like_wildcards_in_a_query_as_plain_characters)
{
    store->patients().add(samplePatient("Anna Smith"));
    BOOST_TEST(store->patients().search({"%"}).size() == 1u); // folds to nothing: lists everyone
    BOOST_TEST(store->patients().search({"a%"}).size() == 1u);
    BOOST_TEST(store->patients().search({"_nna"}).empty());
}

BOOST_AUTO_TEST_CASE(searches_fifty_thousand_patients_through_the_word_index, *boost::unit_test::precondition(sqliteOnly))
{
    // Rows written straight into the tables the store keeps (one transaction: fast).
    {
        auto raw = rawConnection(file);
        raw.exec("BEGIN");
        SQLite::Statement patient(raw, "INSERT INTO patients (name, folded_name, preference, created_at, updated_at) "
                                       "VALUES (?1, ?2, 'unknown', 'x', 'x')");
        SQLite::Statement word(raw, "INSERT OR IGNORE INTO patient_name_words (word, patient_id) VALUES (?1, ?2)");
        const char* first[] = {"Ana", "Bruno", "Chloé", "Dmitri", "Eva", "Farah", "Günter", "Hana", "Iñigo", "Jun"};
        for (int i = 0; i < 50000; ++i) {
            const std::string name = std::string(first[i % 10]) + " Family" + std::to_string(i);
            const std::string folded = foldForSearch(name);
            patient.bind(1, name);
            patient.bind(2, folded);
            patient.exec();
            patient.reset();
            const auto id = raw.getLastInsertRowid();
            for (const std::string& w : splitWords(folded)) {
                word.bind(1, w);
                word.bind(2, static_cast<int64_t>(id));
                word.exec();
                word.reset();
            }
        }
        raw.exec("COMMIT");
        // The plan SQLite picks: a range on the word index, then patients by their key.
        SQLite::Statement plan(raw, "EXPLAIN QUERY PLAN " + sp::db::store::patientSearchSql(sp::db::sqlite::sqliteDialect(), 2));
        std::string steps;
        while (plan.executeStep())
            steps += plan.getColumn(3).getString() + "\n";
        BOOST_TEST_INFO("query plan:\n" << steps);
        BOOST_TEST(contains(steps, "SEARCH patient_name_words USING"));
        BOOST_TEST(contains(steps, "(word>? AND word<?)"));
        BOOST_TEST(contains(steps, "SEARCH p USING INTEGER PRIMARY KEY"));
        BOOST_TEST(!contains(steps, "SCAN p"));
    }
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(store->patients().search({"family4999"}).size() == 11u); // 4999 and 49990..49999
    // Chloé is every tenth: 12, 122, 1202..1292, 12002..12992.
    BOOST_TEST(store->patients().search({"chloe family12"}).size() == 112u);
    BOOST_TEST(store->patients().search({"gunter", false, 20}).size() == 20u);
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 2000);
}

// The same clinic on a server: rows written by its superuser in one transaction, then
// found through the same word index within the same time.
BOOST_AUTO_TEST_CASE(searches_fifty_thousand_patients_on_a_server, *boost::unit_test::precondition(postgresOnly))
{
    {
        std::string patients = "INSERT INTO patients (id, name, folded_name, preference, created_at, updated_at) VALUES ";
        std::string words = "INSERT INTO patient_name_words (word, patient_id) VALUES ";
        const char* first[] = {"Ana", "Bruno", "Chloé", "Dmitri", "Eva", "Farah", "Günter", "Hana", "Iñigo", "Jun"};
        for (int i = 0; i < 50000; ++i) {
            const std::string id = std::to_string(i + 1);
            const std::string name = std::string(first[i % 10]) + " Family" + std::to_string(i);
            const std::string folded = foldForSearch(name);
            patients += (i ? ",(" : "(") + id + ",'" + name + "','" + folded + "','unknown','x','x')";
            for (const std::string& w : splitWords(folded))
                words += (words.back() == ' ' ? "('" : ",('") + w + "'," + id + ")";
        }
        tamper(database, "BEGIN; " + patients + "; " + words + " ON CONFLICT DO NOTHING; "
                         "SELECT setval(pg_get_serial_sequence('patients', 'id'), 50000); COMMIT; "
                         "ANALYZE patients; ANALYZE patient_name_words");
    }
    BOOST_TEST_REQUIRE(countRows(*store, "patients") == 50000);
    const auto start = std::chrono::steady_clock::now();
    BOOST_TEST(store->patients().search({"family4999"}).size() == 11u); // 4999 and 49990..49999
    // Chloé is every tenth: 12, 122, 1202..1292, 12002..12992.
    BOOST_TEST(store->patients().search({"chloe family12"}).size() == 112u);
    BOOST_TEST(store->patients().search({"gunter", false, 20}).size() == 20u);
    const auto took = std::chrono::steady_clock::now() - start;
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(took).count() < 2000);
    BOOST_TEST(store->patients().add(samplePatient()) == 50001); // new ids go on after them
}

BOOST_AUTO_TEST_SUITE_END()
