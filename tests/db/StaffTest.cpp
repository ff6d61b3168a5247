// Accounts and roles on a clinic server (issue 18): staff accounts made and changed by
// admins only, through the store; the server, not the client, says who wrote what; and
// reception kept away from plans and notes by the server's privileges, through the
// repositories and through psql with the same credentials. An SQLite file has no accounts.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace sp;
using namespace sp::db;
using namespace sp::test;
namespace utf = boost::unit_test;

namespace {

// Roles belong to the whole test server, its databases share them: each test its own names.
std::string uniqueLogin(const std::string& stem)
{
    static int n = 0;
    return stem + "." + std::to_string(++n);
}

StaffMember member(const std::string& login, StaffRole role, const std::string& fullName = "Ana Ruiz")
{
    StaffMember m;
    m.login = login;
    m.fullName = fullName;
    m.role = role;
    return m;
}

// A clinic database with its admin's store (pt.rivera), and accounts made through it.
struct StaffFixture : StoreFixture {
    std::string locationOf(const std::string& login, const std::string& password) const
    {
        return TestServer::get().cluster().uri(login, password, database.database);
    }
    // A new account with `role`, and a store signed in as it (the actor asked for is ignored).
    std::unique_ptr<ClinicStore> signIn(StaffRole role, const std::string& stem, std::string* login = nullptr)
    {
        const std::string name = uniqueLogin(stem);
        store->staff().add(member(name, role), name + "-pw");
        if (login)
            *login = name;
        return openClinicStore(locationOf(name, name + "-pw"), testOptions("mallory"));
    }
    std::vector<std::string> actors()
    {
        std::vector<std::string> out;
        for (const AuditEntry& e : store->audit().list({}))
            out.push_back(e.actor);
        return out;
    }
};

bool holds(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

// psql as `user` over TCP with their password: what anyone with the same credentials can do.
ProcessResult psqlAs(const std::string& location, const std::string& sql)
{
    return runProcess({(pgBinDir() / "psql").string(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", location,
                       "-c", sql});
}

long long roleCount(const std::string& login)
{
    return std::stoll(TestServer::get().cluster().psql("SELECT count(*) FROM pg_roles WHERE rolname = " +
                                                       sqlLiteral(login)));
}

} // namespace

BOOST_AUTO_TEST_SUITE(staff_on_a_file)

BOOST_FIXTURE_TEST_CASE(a_file_has_no_accounts, StoreFixture, *utf::precondition(sqliteOnly))
{
    BOOST_TEST(!store->signedIn().has_value());
    const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->staff().list(); });
    BOOST_TEST(contains(e.what(), "accounts exist only on a clinic server"));
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().add(member("ana", StaffRole::Clinician), "pw"); });
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().disable("ana"); });
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().setRole("ana", StaffRole::Admin); });
    // The actor given is recorded, as before.
    store->patients().add(samplePatient());
    BOOST_TEST(store->audit().list({}).front().actor == "pt.rivera");
}

BOOST_AUTO_TEST_CASE(role_names_have_one_spelling)
{
    BOOST_TEST(toString(StaffRole::Admin) == "admin");
    BOOST_TEST(toString(StaffRole::Clinician) == "clinician");
    BOOST_TEST(toString(StaffRole::Reception) == "reception");
    BOOST_TEST((parseEnum<StaffRole>("reception") == StaffRole::Reception));
    BOOST_TEST(!parseEnum<StaffRole>("Admin").has_value());
    BOOST_TEST(enumChoices<StaffRole>() == "admin, clinician, reception");
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(staff_accounts, StaffFixture, *utf::precondition(postgresOnly))

BOOST_AUTO_TEST_CASE(add_list_role_and_disable_round_trip)
{
    // The tests' admin has no staff row: its role comes from its group.
    const auto admin = store->signedIn();
    BOOST_TEST_REQUIRE(admin.has_value());
    BOOST_TEST(admin->login == "pt.rivera");
    BOOST_TEST((admin->role == StaffRole::Admin));

    const std::string login = uniqueLogin("ana");
    store->staff().add(member(login, StaffRole::Clinician, "Ana Ruiz"), "correct horse");
    auto list = store->staff().list();
    BOOST_TEST_REQUIRE(list.size() == 1u);
    BOOST_TEST(list[0].login == login);
    BOOST_TEST(list[0].fullName == "Ana Ruiz");
    BOOST_TEST((list[0].role == StaffRole::Clinician));
    BOOST_TEST(!list[0].disabled);
    BOOST_TEST(!list[0].createdAt.empty());
    BOOST_TEST(TestServer::get().cluster().psql("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' FROM pg_authid WHERE "
                                                "rolname = " + sqlLiteral(login)) == "t\n");

    auto ana = openClinicStore(locationOf(login, "correct horse"), testOptions("someone"));
    BOOST_TEST(ana->signedIn()->fullName == "Ana Ruiz");
    BOOST_TEST((ana->signedIn()->role == StaffRole::Clinician));
    ana->patients().add(samplePatient());
    ana.reset();

    store->staff().setRole(login, StaffRole::Reception);
    BOOST_TEST((store->staff().list()[0].role == StaffRole::Reception));
    BOOST_TEST(TestServer::get().cluster().psql("SELECT pg_has_role(" + sqlLiteral(login) + ", 'stretchplan_reception', "
                                                "'MEMBER'), pg_has_role(" + sqlLiteral(login) + ", 'stretchplan_app', "
                                                "'MEMBER')") == "t|f\n");
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().setRole(login, StaffRole::Reception); });

    store->staff().disable(login);
    BOOST_TEST(store->staff().list()[0].disabled);
    // A disabled account cannot sign in; the name stays on what they wrote.
    const DbError e = expectDbError(DbErrorKind::Auth,
                                    [&] { openClinicStore(locationOf(login, "correct horse"), testOptions()); });
    BOOST_TEST(contains(e.what(), "not permitted to log in"), e.what());
    BOOST_TEST(holds(actors(), login));
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().disable(login); });
    expectDbError(DbErrorKind::NotFound, [&] { store->staff().disable("no.such.account"); });

    // Every change audited under the admin, by the account's id, without the password.
    std::vector<std::string> staffActions;
    for (const AuditEntry& e : store->audit().list({}))
        if (e.entity == "staff") {
            staffActions.push_back(e.action + " " + e.actor + " " + e.details);
            BOOST_TEST(!contains(e.details, "correct horse"));
        }
    const std::vector<std::string> expected{"disable pt.rivera {}", "role pt.rivera {\"role\":\"reception\"}",
                                            "create pt.rivera {\"role\":\"clinician\"}"};
    BOOST_TEST(staffActions == expected, boost::test_tools::per_element());
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(bad_logins_and_roles_that_are_not_accounts_are_refused)
{
    for (const std::string& bad : std::vector<std::string>{"Ana", "1ana", "ana ruiz", "ana;drop", "", "pg_ana", "stretchplan_admin",
                                  "postgres", "sp_owner", "pt.okafor", std::string(64, 'a')}) {
        const DbError e = expectDbError(DbErrorKind::Invalid,
                                        [&] { store->staff().add(member(bad, StaffRole::Admin), "pw"); });
        BOOST_TEST(!contains(e.what(), "SELECT"), e.what());
    }
    // The server's own roles are untouched: still not StretchPlan accounts, no new ones.
    BOOST_TEST(TestServer::get().cluster().psql("SELECT rolsuper FROM pg_roles WHERE rolname = 'postgres'") == "t\n");
    BOOST_TEST(roleCount("ana") == 0);
    BOOST_TEST(store->staff().list().empty());
    // An account twice, an empty name or password.
    const std::string login = uniqueLogin("ben");
    store->staff().add(member(login, StaffRole::Clinician), "pw");
    const DbError twice = expectDbError(DbErrorKind::Invalid,
                                        [&] { store->staff().add(member(login, StaffRole::Admin), "pw"); });
    BOOST_TEST(contains(twice.what(), "there is already a staff account"), twice.what());
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().add(member(uniqueLogin("c"), StaffRole::Admin, ""), "pw"); });
    expectDbError(DbErrorKind::Invalid, [&] { store->staff().add(member(uniqueLogin("c"), StaffRole::Admin), ""); });
    BOOST_TEST(store->staff().list().size() == 1u);
}

BOOST_AUTO_TEST_CASE(only_admins_manage_staff_and_the_last_admin_stays)
{
    std::string clinicianLogin;
    auto clinician = signIn(StaffRole::Clinician, "cli", &clinicianLogin);
    const DbError e = expectDbError(DbErrorKind::Forbidden, [&] {
        clinician->staff().add(member(uniqueLogin("eve"), StaffRole::Admin), "pw");
    });
    BOOST_TEST(e.what() == "clinician may not add staff accounts (signed in as " + clinicianLogin + ")");
    expectDbError(DbErrorKind::Forbidden, [&] { clinician->staff().disable(clinicianLogin); });
    expectDbError(DbErrorKind::Forbidden, [&] { clinician->staff().setRole(clinicianLogin, StaffRole::Admin); });
    // psql with the same credentials gets no further.
    const ProcessResult direct = psqlAs(locationOf(clinicianLogin, clinicianLogin + "-pw"),
                                        "SELECT staff_add('eve', 'Eve', 'admin', 'SCRAM-SHA-256$x', 'now')");
    BOOST_TEST(!direct.ok());
    BOOST_TEST(contains(direct.err, "permission denied for function staff_add"), direct.err);
    BOOST_TEST(store->staff().list().size() == 1u);

    // Admin-only: the purge and the clinic profile.
    const auto patientId = clinician->patients().add(samplePatient());
    expectDbError(DbErrorKind::Forbidden, [&] { clinician->patients().purge(patientId); });
    ClinicProfile profile;
    profile.name = "Clinic";
    profile.accent = "#112233";
    expectDbError(DbErrorKind::Forbidden, [&] { clinician->clinic().set(profile); });
    store->clinic().set(profile);
    BOOST_TEST(clinician->clinic().get()->name == "Clinic");

    // An admin may not disable itself, nor the last admin who can sign in lose the role.
    std::string adminLogin;
    auto admin = signIn(StaffRole::Admin, "boss", &adminLogin);
    expectDbError(DbErrorKind::Invalid, [&] { admin->staff().disable(adminLogin); });
    const DbError last = expectDbError(DbErrorKind::Invalid,
                                       [&] { admin->staff().setRole(adminLogin, StaffRole::Clinician); });
    BOOST_TEST(contains(last.what(), "the last admin"), last.what());
}

BOOST_AUTO_TEST_CASE(the_password_never_reaches_the_servers_log)
{
    // An admin whose every statement, with its parameters, is logged.
    const std::string admin = uniqueLogin("logged.admin");
    TestServer::get().cluster().createRole(admin, "admin-pw", true, {"stretchplan_admin"});
    TestServer::get().cluster().psql("ALTER ROLE " + sqlIdentifier(admin) + " SET log_statement = 'all'");
    auto logged = openClinicStore(locationOf(admin, "admin-pw"), testOptions());
    const std::string password = "Sesame-" + uniqueLogin("pw") + "-open";
    logged->staff().add(member(uniqueLogin("dora"), StaffRole::Reception), password);
    const std::string log = TestServer::get().cluster().logTail(400);
    BOOST_TEST(contains(log, "staff_add"), log); // the call was logged...
    BOOST_TEST(contains(log, "SCRAM-SHA-256$"));
    BOOST_TEST(!contains(log, password)); // ...with the hash, never the password
}

BOOST_AUTO_TEST_CASE(the_server_records_who_writes_whatever_the_client_says)
{
    std::string login;
    auto clinician = signIn(StaffRole::Clinician, "writer", &login); // asked to write as "mallory"
    const auto patientId = clinician->patients().add(samplePatient());
    const auto planId = clinician->plans().create(patientId, "Low back", sampleRevision());
    FollowUpNote note = sampleNote(patientId);
    note.id = clinician->notes().add(note);
    note.painNow = 2;
    note.version = 1;
    clinician->notes().amend(note, "typo");
    BOOST_TEST(clinician->plans().revision(planId).author == login);
    BOOST_TEST(clinician->notes().get(note.id).author == login);
    BOOST_TEST(clinician->notes().get(note.id).amendedBy == login);
    const auto all = actors();
    BOOST_TEST(!holds(all, "mallory"));
    BOOST_TEST(std::count(all.begin(), all.end(), login) == 4);

    // psql with the same credentials cannot write another name either.
    const std::string location = locationOf(login, login + "-pw");
    for (const std::string& sql : std::vector<std::string>{
             "INSERT INTO audit_log (at, actor, action, entity, entity_id, details, prev_hash, hash, format) VALUES "
             "('2026-01-01T00:00:00.000Z', 'mallory', 'create', 'patient', 1, '{}', '', 'x', 2)",
             "INSERT INTO follow_up_notes (patient_id, visit_date, pain_now, author, created_at) VALUES (" +
                 std::to_string(patientId) + ", '2026-01-01', 3, 'mallory', 'now')",
             "INSERT INTO plan_revisions (plan_id, number, created_at, author, reason) VALUES (" +
                 std::to_string(planId) + ", 9, 'now', 'mallory', 'x')",
             "INSERT INTO note_versions (note_id, version, visit_date, pain_now, subjective, objective, assessment, "
             "plan_text, written_by, written_at) VALUES (" + std::to_string(note.id) +
                 ", 2, '2026-01-01', 1, '', '', '', '', 'mallory', 'now')"}) {
        const ProcessResult r = psqlAs(location, sql);
        BOOST_TEST(!r.ok(), sql);
        BOOST_TEST(contains(r.err, "the server records who writes"), r.err);
    }
    BOOST_TEST(!holds(actors(), "mallory"));
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(reception_keeps_to_the_patient_list_contact_details_and_the_follow_ups_due)
{
    const auto patientId = store->patients().add(samplePatient());
    const auto planId = store->plans().create(patientId, "Low back", sampleRevision());
    FollowUpNote note = sampleNote(patientId, Date{2025, 3, 1});
    note.subjective = "Secret clinical words.";
    note.id = store->notes().add(note);

    std::string login;
    auto desk = signIn(StaffRole::Reception, "front.desk", &login);
    BOOST_TEST((desk->signedIn()->role == StaffRole::Reception));

    // What reception may not read: a refusal that says so, never the server's SQL words.
    const DbError notes = expectDbError(DbErrorKind::Forbidden, [&] { desk->notes().listForPatient(patientId); });
    BOOST_TEST(contains(notes.what(), "reception may not "), notes.what());
    BOOST_TEST(contains(notes.what(), "(signed in as " + login + ")"), notes.what());
    BOOST_TEST(!contains(notes.what(), "permission denied"), notes.what());
    BOOST_TEST(!contains(notes.what(), "follow_up_notes"), notes.what());
    expectDbError(DbErrorKind::Forbidden, [&] { desk->notes().get(note.id); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->notes().versions(note.id); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->plans().listForPatient(patientId); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->plans().revision(planId); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->handouts().listForPatient(patientId); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->notes().add(sampleNote(patientId)); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->plans().create(patientId, "Mine", sampleRevision()); });

    // A patient's own clinical fields neither: the record reads without them.
    RedFlagScreening screening;
    screening.date = Date{2025, 3, 1};
    screening.answers = {{"cauda-equina", false}};
    store->patients().recordScreening(patientId, screening);
    BOOST_TEST_REQUIRE(store->patients().get(patientId).screening.has_value());
    const Patient seen = desk->patients().get(patientId);
    BOOST_TEST(seen.name == samplePatient().name);
    BOOST_TEST(seen.phone == samplePatient().phone);
    BOOST_TEST(seen.notes.empty());
    BOOST_TEST((seen.preference == DirectionalPreference::Unknown));
    BOOST_TEST(!seen.screening.has_value());
    BOOST_TEST_REQUIRE(!samplePatient().notes.empty());
    for (const Patient& listed : desk->patients().search({"alvarez"}))
        BOOST_TEST(listed.notes.empty());

    // What it may: the list, the follow-ups due, a new patient and contact details.
    BOOST_TEST(desk->patients().search({}).size() == 1u);
    const auto due = desk->notes().due(Date{2030, 1, 1});
    BOOST_TEST_REQUIRE(due.size() == 1u);
    BOOST_TEST(due[0].patientName == "José Álvarez");
    Patient walkIn;
    walkIn.name = "Walk In";
    walkIn.phone = "555 0100";
    const auto walkInId = desk->patients().add(walkIn);
    const Patient read = desk->patients().get(patientId);
    Patient edited = read;
    edited.phone = "555 0199";
    edited.email = "new@example.org";
    edited.name = "José Álvarez Ruiz";
    desk->patients().update(read, edited);
    BOOST_TEST(store->patients().get(patientId).phone == "555 0199");
    // The contact edit left the clinical fields it could not see as they were.
    BOOST_TEST(store->patients().get(patientId).notes == samplePatient().notes);
    BOOST_TEST((store->patients().get(patientId).preference == samplePatient().preference));
    BOOST_TEST(desk->patients().search({"ruiz"}).size() == 1u);
    // Not the clinical fields of a patient, nor archiving, nor a screening.
    Patient clinical = desk->patients().get(patientId);
    const Patient before = clinical;
    clinical.notes = "Reception's opinion.";
    const DbError fields = expectDbError(DbErrorKind::Forbidden, [&] { desk->patients().update(before, clinical); });
    BOOST_TEST(contains(fields.what(), "are for clinicians"), fields.what());
    Patient withNotes = walkIn;
    withNotes.notes = "x";
    expectDbError(DbErrorKind::Forbidden, [&] { desk->patients().add(withNotes); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->patients().setArchived(walkInId, true); });
    expectDbError(DbErrorKind::Forbidden, [&] { desk->patients().purge(walkInId); });
    BOOST_TEST(store->patients().get(patientId).notes == samplePatient().notes);

    // psql with reception's own credentials: permission denied.
    const std::string location = locationOf(login, login + "-pw");
    for (const std::string sql : {"SELECT subjective FROM follow_up_notes", "SELECT * FROM note_versions",
                                  "SELECT activity FROM psfs_scores", "SELECT goals FROM plan_revisions",
                                  "SELECT snapshot FROM plan_items", "SELECT title FROM plans",
                                  "SELECT text FROM audit_texts", "SELECT recipient FROM handout_log",
                                  "UPDATE patients SET archived = 1", "SELECT notes FROM patients",
                                  "SELECT preference FROM patients", "SELECT screening_answers FROM patients",
                                  "SELECT * FROM patients", "UPDATE patients SET notes = ''"}) {
        const ProcessResult r = psqlAs(location, sql);
        BOOST_TEST(!r.ok(), sql);
        BOOST_TEST(contains(r.err, "permission denied"), r.err);
        BOOST_TEST(!contains(r.out, "Secret clinical words"));
    }
    BOOST_TEST(psqlAs(location, "SELECT count(*) FROM latest_notes").out == "1\n");
    BOOST_TEST(psqlAs(location, "SELECT phone FROM patients WHERE id = " + std::to_string(patientId)).out ==
               "555 0199\n");
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_SUITE_END()
