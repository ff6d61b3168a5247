// The clinic profile: one per database, every field and the logo's exact bytes kept,
// validation before anything is written, and an audit entry naming only the fields.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

namespace {

const std::string kPngHead("\x89PNG\r\n\x1A\n", 8);

// Every byte value, NULs among them: a BLOB must give back exactly what it was given.
std::string logoBytes(std::size_t size)
{
    std::string bytes = kPngHead;
    while (bytes.size() < size)
        bytes += static_cast<char>(bytes.size() * 7 % 256);
    return bytes;
}

ClinicProfile sampleClinic()
{
    ClinicProfile c;
    c.name = "Riverside Physiotherapy";
    c.address = "12 Mill Lane\nRiverside RS1 4AB";
    c.phone = "555-0100";
    c.email = "info@example.org";
    c.web = "https://example.org";
    c.accent = "#1B7F6B";
    c.footer = "O'Brien's \"advice\"; -- 100% _not_ medical advice.";
    c.logo = logoBytes(20000);
    c.clinician = "Sam Lee, physiotherapist";
    return c;
}

struct ProfileFixture : StoreFixture {
    ProfileFixture()
    {
        StoreOptions options = testOptions("pt.rivera");
        options.now = steppingClock();
        store = open(options);
    }
};

} // namespace

BOOST_FIXTURE_TEST_SUITE(clinic_profile, ProfileFixture)

BOOST_AUTO_TEST_CASE(has_no_profile_until_one_is_set)
{
    BOOST_TEST(!store->clinic().get().has_value());
    BOOST_TEST(countRows(*store, "clinic_profile") == 0);
}

BOOST_AUTO_TEST_CASE(stores_and_reads_back_every_field_and_the_logo_byte_for_byte)
{
    const ClinicProfile c = sampleClinic();
    store->clinic().set(c);
    const auto back = store->clinic().get();
    BOOST_TEST_REQUIRE(back.has_value());
    BOOST_TEST((*back == c));
    BOOST_TEST(back->logo.size() == 20000u);
    // And through a fresh connection: nothing was only cached.
    store.reset();
    store = open(testOptions());
    BOOST_TEST((store->clinic().get() == c));
}

BOOST_AUTO_TEST_CASE(keeps_a_logo_of_the_largest_allowed_size)
{
    ClinicProfile c = sampleClinic();
    c.logo = logoBytes(kMaxClinicLogoBytes);
    store->clinic().set(c);
    BOOST_TEST((store->clinic().get()->logo == c.logo));
}

BOOST_AUTO_TEST_CASE(a_later_set_replaces_every_field_and_can_drop_the_logo)
{
    store->clinic().set(sampleClinic());
    ClinicProfile plain;
    plain.name = "Riverside Physio";
    store->clinic().set(plain);
    BOOST_TEST((store->clinic().get() == plain));
    BOOST_TEST(countRows(*store, "clinic_profile") == 1);
    BOOST_TEST(storeScalar(*store, "SELECT count(*) FROM clinic_profile WHERE logo IS NULL") == 1);
}

BOOST_AUTO_TEST_CASE(rejects_invalid_fields_and_writes_nothing)
{
    ClinicProfile badAccent = sampleClinic();
    badAccent.accent = "teal";
    ClinicProfile badEmail = sampleClinic();
    badEmail.email = "info@";
    ClinicProfile textLogo = sampleClinic();
    textLogo.logo = "this is a text file, not an image\n";
    ClinicProfile noName = sampleClinic();
    noName.name.clear();
    ClinicProfile twoLineClinician = sampleClinic();
    twoLineClinician.clinician = "Sam Lee\nphysiotherapist";
    ClinicProfile longClinician = sampleClinic();
    longClinician.clinician = std::string(kMaxClinicianNameChars + 1, 'x');
    const std::vector<std::pair<ClinicProfile, std::string>> cases{
        {badAccent, "accent"}, {badEmail, "email"},          {textLogo, "logo"},
        {noName, "name"},      {twoLineClinician, "clinician"}, {longClinician, "clinician"}};
    for (const auto& [profile, field] : cases) {
        BOOST_TEST_CONTEXT("field " << field)
        {
            const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->clinic().set(profile); });
            BOOST_TEST(hasFieldError(e, field));
            BOOST_TEST(contains(e.what(), field));
        }
    }
    BOOST_TEST(countRows(*store, "clinic_profile") == 0);
    BOOST_TEST(countRows(*store, "audit_log") == 0);

    // Nor does a bad update touch the profile already there.
    store->clinic().set(sampleClinic());
    expectDbError(DbErrorKind::Invalid, [&] { store->clinic().set(badAccent); });
    BOOST_TEST((store->clinic().get() == sampleClinic()));
    BOOST_TEST(countRows(*store, "audit_log") == 1);
}

BOOST_AUTO_TEST_CASE(audits_create_then_update_naming_only_the_fields_written)
{
    store->clinic().set(sampleClinic());
    ClinicProfile changed = sampleClinic();
    changed.phone = "555-0199";
    changed.logo.clear();
    store->clinic().set(changed);
    const auto entries = store->audit().list({});
    BOOST_TEST_REQUIRE(entries.size() == 2u);
    const AuditEntry& update = entries[0];
    const AuditEntry& create = entries[1];
    BOOST_TEST(create.action == "create");
    BOOST_TEST(create.entity == "clinic");
    BOOST_TEST(create.entityId == 1);
    BOOST_TEST(!create.patientId.has_value());
    BOOST_TEST(create.actor == "pt.rivera");
    BOOST_TEST(Json::parse(create.details) ==
               Json::parse(R"({"fields":["name","address","phone","email","web","accent","footer","logo","clinician"]})"));
    BOOST_TEST(update.action == "update");
    BOOST_TEST(Json::parse(update.details) == Json::parse(R"({"fields":["phone","logo"]})"));
    for (const AuditEntry& e : entries) {
        BOOST_TEST(!contains(e.details, "555"));
        BOOST_TEST(!contains(e.details, "Riverside"));
    }
    BOOST_TEST(store->check().auditChain.ok);
}

BOOST_AUTO_TEST_CASE(a_create_names_only_the_fields_given)
{
    ClinicProfile bare;
    bare.name = "Solo Physio";
    store->clinic().set(bare);
    // The accent always has a value: the default is recorded as written too.
    BOOST_TEST(Json::parse(store->audit().list({}).at(0).details) == Json::parse(R"({"fields":["name","accent"]})"));
}

BOOST_AUTO_TEST_CASE(the_name_on_handouts_changes_on_its_own_and_is_audited_by_name_only)
{
    store->clinic().set(sampleClinic());
    ClinicProfile renamed = sampleClinic();
    renamed.clinician = "Dr. Ana Lee";
    store->clinic().set(renamed);
    BOOST_TEST(store->clinic().get()->clinician == "Dr. Ana Lee");
    BOOST_TEST(Json::parse(store->audit().list({}).at(0).details) == Json::parse(R"({"fields":["clinician"]})"));
    BOOST_TEST(!contains(store->audit().list({}).at(0).details, "Ana"));
    // Empty again: handouts fall back to each patient's clinician.
    renamed.clinician.clear();
    store->clinic().set(renamed);
    BOOST_TEST(store->clinic().get()->clinician.empty());
}

BOOST_AUTO_TEST_CASE(holds_a_single_row)
{
    store->clinic().set(sampleClinic());
    BOOST_TEST(refused(database, "INSERT INTO clinic_profile (id, name, accent, updated_at) "
                                 "VALUES (2, 'Second', '#000000', '2025-03-01T00:00:00.000Z')"));
    BOOST_TEST(countRows(*store, "clinic_profile") == 1);
}

BOOST_AUTO_TEST_CASE(is_left_alone_by_a_patient_purge_and_kept_in_a_backup)
{
    store->clinic().set(sampleClinic());
    const auto id = store->patients().add(samplePatient());
    store->patients().purge(id);
    BOOST_TEST((store->clinic().get() == sampleClinic()));
    store->backup(dir / "copy.db");
    BOOST_TEST((openSqliteStore(dir / "copy.db", testOptions())->clinic().get() == sampleClinic()));
}

BOOST_AUTO_TEST_SUITE_END()
