// The clinic's own exercise pack on a clinic server (issue 18): every save a new version
// of the whole pack, named by the server with who saved it, kept as saved; a change made
// to an old version is refused naming who saved the newer one; only admins save, and
// clinicians read, through the repository and through psql with the same credentials;
// every byte of a photo comes back; bad paths and bad bases write nothing. On an SQLite
// file the clinic pack is a folder: the repository refuses every call.
#include "DbFixtures.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>

using namespace sp;
using namespace sp::db;
using namespace sp::test;
namespace utf = boost::unit_test;

namespace {

const std::string kManifest = R"({"id":"clinic","name":"Clinic exercises"})";

// Every byte value, NULs included, and more than one buffer's worth.
std::string photoBytes()
{
    std::string bytes;
    for (int round = 0; round < 300; ++round)
        for (int b = 0; b < 256; ++b)
            bytes += static_cast<char>(b);
    return bytes;
}

std::vector<ClinicPackFile> packFiles(const std::string& exercise = R"({"id":"wall-slide"})")
{
    return {{"manifest.json", "", 0, kManifest},
            {"exercises/wall-slide.json", "", 0, exercise},
            {"media/wall-slide-1.png", "", 0, photoBytes()}};
}

std::vector<std::string> pathsOf(const ClinicPackVersion& v)
{
    std::vector<std::string> paths;
    for (const ClinicPackFile& f : v.files)
        paths.push_back(f.path);
    return paths;
}

struct PackFixture : StoreFixture {
    std::unique_ptr<ClinicStore> as(const std::string& login) const
    {
        return openClinicStore(TestServer::get().appLocation(database.database, login), testOptions("mallory"));
    }
    long long rows(const std::string& table) { return countRows(*store, table); }
};

// psql as `login` with their password: what anyone with the same credentials can do.
ProcessResult psqlAs(const std::string& location, const std::string& sql)
{
    return runProcess({(pgBinDir() / "psql").string(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", location,
                       "-c", sql});
}

} // namespace

BOOST_FIXTURE_TEST_SUITE(clinic_pack_on_a_file, StoreFixture, *utf::precondition(sqliteOnly))

BOOST_AUTO_TEST_CASE(a_file_keeps_its_clinic_pack_in_a_folder)
{
    const auto refusedHere = [&](auto&& call) {
        const DbError e = expectDbError(DbErrorKind::Invalid, call);
        BOOST_TEST(contains(e.what(), "only on a clinic server"), e.what());
    };
    refusedHere([&] { store->clinicPack().latest(); });
    refusedHere([&] { store->clinicPack().version(1); });
    refusedHere([&] { store->clinicPack().history(); });
    refusedHere([&] { store->clinicPack().bytes(std::string(64, 'a')); });
    refusedHere([&] { store->clinicPack().save(packFiles(), 0); });
    BOOST_TEST(store->audit().list({}).empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_FIXTURE_TEST_SUITE(clinic_pack_on_a_server, PackFixture, *utf::precondition(postgresOnly))

BOOST_AUTO_TEST_CASE(each_save_is_the_next_version_named_by_the_server_and_every_byte_comes_back)
{
    BOOST_TEST(!store->clinicPack().latest().has_value());
    BOOST_TEST(store->clinicPack().history().empty());

    const ClinicPackVersion first = store->clinicPack().save(packFiles(), 0);
    BOOST_TEST(first.version == 1);
    BOOST_TEST(first.savedBy == "pt.rivera"); // the signed-in login, not the actor asked for
    const auto latest = store->clinicPack().latest();
    BOOST_TEST_REQUIRE(latest.has_value());
    BOOST_TEST(latest->version == 1);
    BOOST_TEST(latest->savedBy == "pt.rivera");
    BOOST_TEST(latest->savedAt == first.savedAt);
    const std::vector<std::string> paths{"exercises/wall-slide.json", "manifest.json", "media/wall-slide-1.png"};
    BOOST_TEST(pathsOf(*latest) == paths, boost::test_tools::per_element());
    const ClinicPackFile& photo = latest->files[2];
    BOOST_TEST(photo.size == static_cast<std::int64_t>(photoBytes().size()));
    BOOST_TEST(photo.bytes.empty()); // listed without its bytes
    BOOST_TEST(store->clinicPack().bytes(photo.sha256) == photoBytes());
    BOOST_TEST(store->clinicPack().bytes(latest->files[1].sha256) == kManifest);

    // Version 2: the exercise changed, the photo gone; its bytes are stored once still.
    std::vector<ClinicPackFile> next = packFiles(R"({"id":"wall-slide","name":"changed"})");
    next.pop_back();
    const ClinicPackVersion second = store->clinicPack().save(next, 1);
    BOOST_TEST(second.version == 2);
    BOOST_TEST(store->clinicPack().latest()->files.size() == 2u);
    BOOST_TEST(store->clinicPack().version(1).files.size() == 3u); // kept as saved
    BOOST_TEST(store->clinicPack().bytes(store->clinicPack().version(2).files[0].sha256) ==
               R"({"id":"wall-slide","name":"changed"})");
    BOOST_TEST(rows("clinic_pack_blobs") == 4); // manifest once, two exercise texts, the photo
    BOOST_TEST(store->clinicPack().history().size() == 2u);
    expectDbError(DbErrorKind::NotFound, [&] { store->clinicPack().version(3); });
    expectDbError(DbErrorKind::NotFound, [&] { store->clinicPack().bytes(std::string(64, '0')); });

    // Each save audited with counts, never an exercise's text.
    std::vector<std::string> saves;
    for (const AuditEntry& e : store->audit().list({}))
        if (e.entity == "clinic_pack")
            saves.push_back(e.action + " " + std::to_string(e.entityId) + " " + e.actor + " " + e.details);
    const std::vector<std::string> expected{
        "save 2 pt.rivera {\"added\":0,\"base\":1,\"changed\":1,\"files\":2,\"removed\":1}",
        "save 1 pt.rivera {\"added\":3,\"base\":0,\"changed\":0,\"files\":3,\"removed\":0}"};
    BOOST_TEST(saves == expected, boost::test_tools::per_element());
    BOOST_TEST(store->check().ok());
}

BOOST_AUTO_TEST_CASE(a_change_to_an_old_version_is_refused_naming_who_saved_the_newer_one)
{
    store->clinicPack().save(packFiles(), 0);
    auto other = as("pt.rivera");
    other->clinicPack().save(packFiles(R"({"id":"wall-slide","v":2})"), 1);
    const DbError e = expectDbError(DbErrorKind::Conflict,
                                    [&] { store->clinicPack().save(packFiles(R"({"id":"wall-slide","v":"mine"})"), 1); });
    BOOST_TEST(contains(e.what(), "version 2 was saved by pt.rivera at "), e.what());
    BOOST_TEST(contains(e.what(), "made on version 1"), e.what());
    BOOST_TEST(contains(e.what(), "Nothing was saved"), e.what());
    // A first save when there is one already, and bases that never were.
    const DbError first = expectDbError(DbErrorKind::Conflict, [&] { store->clinicPack().save(packFiles(), 0); });
    BOOST_TEST(contains(first.what(), "before there was any"), first.what());
    const DbError future = expectDbError(DbErrorKind::Invalid, [&] { store->clinicPack().save(packFiles(), 7); });
    BOOST_TEST(hasFieldError(future, "base_version"));
    expectDbError(DbErrorKind::Invalid, [&] { store->clinicPack().save(packFiles(), -1); });
    BOOST_TEST(store->clinicPack().latest()->version == 2);
    BOOST_TEST(rows("clinic_pack_versions") == 2);
    // On top of the latest it goes in.
    BOOST_TEST(store->clinicPack().save(packFiles(R"({"id":"wall-slide","v":"mine"})"), 2).version == 3);
}

BOOST_AUTO_TEST_CASE(only_admins_save_clinicians_read_and_reception_gets_nothing)
{
    store->clinicPack().save(packFiles(), 0);
    auto clinician = as("pt.okafor");
    BOOST_TEST(clinician->clinicPack().latest()->version == 1);
    BOOST_TEST(clinician->clinicPack().bytes(clinician->clinicPack().latest()->files[2].sha256) == photoBytes());
    const DbError e = expectDbError(DbErrorKind::Forbidden, [&] { clinician->clinicPack().save(packFiles(), 1); });
    BOOST_TEST(e.what() == std::string("clinician may not save the clinic exercises (signed in as pt.okafor)"));
    BOOST_TEST(store->clinicPack().latest()->version == 1);

    StaffMember desk;
    desk.login = "desk.pack";
    desk.fullName = "Front Desk";
    desk.role = StaffRole::Reception;
    store->staff().add(desk, "desk-pw");
    auto reception = openClinicStore(TestServer::get().cluster().uri("desk.pack", "desk-pw", database.database),
                                     testOptions());
    const DbError read = expectDbError(DbErrorKind::Forbidden, [&] { reception->clinicPack().latest(); });
    BOOST_TEST(read.what() == std::string("reception may not read the clinic exercises (signed in as desk.pack)"));

    // psql with the same credentials gets no further.
    const std::string okafor = TestServer::get().appLocation(database.database, "pt.okafor");
    const ProcessResult insert = psqlAs(okafor, "INSERT INTO clinic_pack_versions (version, saved_by, saved_at) "
                                                "VALUES (2, 'pt.okafor', 'now')");
    BOOST_TEST(!insert.ok());
    BOOST_TEST(contains(insert.err, "permission denied for table clinic_pack_versions"), insert.err);
    const ProcessResult peek = psqlAs(TestServer::get().cluster().uri("desk.pack", "desk-pw", database.database),
                                      "SELECT count(*) FROM clinic_pack_blobs");
    BOOST_TEST(!peek.ok());
    BOOST_TEST(contains(peek.err, "permission denied"), peek.err);
}

BOOST_AUTO_TEST_CASE(bad_paths_and_oversized_files_are_refused_and_nothing_is_written)
{
    const std::vector<std::string> bad{"", "../manifest.json", "/etc/passwd", "notes.txt", "exercises/a/b.json",
                                       "exercises/.json", "exercises/x.txt", "media/", "media/.hidden.png",
                                       "media/../../x.png", "media//x.png", "media/a\\b.png", "media/a\nb.png",
                                       "media/x/", "Manifest.json", "media/" + std::string(260, 'a')};
    for (const std::string& path : bad) {
        std::vector<ClinicPackFile> files = packFiles();
        files.push_back({path, "", 0, "bytes"});
        const DbError e = expectDbError(DbErrorKind::Invalid, [&] { store->clinicPack().save(files, 0); });
        BOOST_TEST(hasFieldError(e, "files"), path);
    }
    std::vector<ClinicPackFile> twice = packFiles();
    twice.push_back(twice.front());
    BOOST_TEST(contains(expectDbError(DbErrorKind::Invalid, [&] { store->clinicPack().save(twice, 0); }).what(),
                        "is there twice"));
    std::vector<ClinicPackFile> noManifest = packFiles();
    noManifest.erase(noManifest.begin());
    BOOST_TEST(contains(expectDbError(DbErrorKind::Invalid, [&] { store->clinicPack().save(noManifest, 0); }).what(),
                        "needs its manifest.json"));
    std::vector<ClinicPackFile> huge = packFiles();
    huge.back().bytes.assign(16 * 1024 * 1024 + 1, 'x');
    BOOST_TEST(contains(expectDbError(DbErrorKind::Invalid, [&] { store->clinicPack().save(huge, 0); }).what(),
                        "larger than 16 MiB"));
    BOOST_TEST(rows("clinic_pack_versions") == 0);
    BOOST_TEST(rows("clinic_pack_blobs") == 0);
    BOOST_TEST(store->audit().list({}).empty());
    // A deep media folder is a pack's file like any other.
    std::vector<ClinicPackFile> deep = packFiles();
    deep.push_back({"media/photos/2026/knee.png", "", 0, "x"});
    BOOST_TEST(store->clinicPack().save(deep, 0).files.size() == 4u);
}

BOOST_AUTO_TEST_CASE(saved_versions_stay_as_saved_even_for_the_superuser)
{
    store->clinicPack().save(packFiles(), 0);
    const std::string sha = store->clinicPack().latest()->files[1].sha256;
    BOOST_TEST(refused(database, "UPDATE clinic_pack_versions SET saved_by = 'someone'"));
    BOOST_TEST(refused(database, "DELETE FROM clinic_pack_files"));
    BOOST_TEST(refused(database, "UPDATE clinic_pack_blobs SET bytes = 'x'"));
    BOOST_TEST(refused(database, "TRUNCATE clinic_pack_blobs CASCADE"));
    // No file added to a saved version, no version out of order or without a manifest,
    // no bytes under another digest, no other name than the signed-in login.
    BOOST_TEST(refused(database, "INSERT INTO clinic_pack_files (version, path, sha256) VALUES (1, 'media/x.png', '" +
                                     sha + "')"));
    BOOST_TEST(refused(database, "INSERT INTO clinic_pack_versions (version, saved_by, saved_at) VALUES (5, 'x', 'y')"));
    BOOST_TEST(refused(database, "INSERT INTO clinic_pack_versions (version, saved_by, saved_at) VALUES (2, 'x', 'y')"));
    BOOST_TEST(refused(database, "INSERT INTO clinic_pack_blobs (sha256, bytes) VALUES ('" + std::string(64, 'a') +
                                     "', 'x')"));
    const ProcessResult other = psqlAs(TestServer::get().appLocation(database.database),
                                       "INSERT INTO clinic_pack_versions (version, saved_by, saved_at) "
                                       "VALUES (2, 'pt.okafor', 'now')");
    BOOST_TEST(!other.ok());
    BOOST_TEST(contains(other.err, "must be the signed-in login"), other.err);
    BOOST_TEST(store->clinicPack().latest()->version == 1);
    BOOST_TEST(store->clinicPack().latest()->files.size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_save_is_announced_to_the_other_workstations)
{
    auto feed = as("pt.okafor")->watchChanges();
    BOOST_TEST_REQUIRE(feed != nullptr);
    std::vector<ChangeEvent> seen;
    const auto wait = [&](auto&& done) {
        for (int i = 0; i < 500 && !done(); ++i) {
            for (ChangeEvent& e : feed->poll())
                seen.push_back(std::move(e));
            usleep(20000);
        }
    };
    wait([&] { return std::any_of(seen.begin(), seen.end(), [](const ChangeEvent& e) { return e.resync; }); });
    store->clinicPack().save(packFiles(), 0);
    const auto announced = [&] {
        return std::any_of(seen.begin(), seen.end(), [](const ChangeEvent& e) {
            return e.entity == "clinic_pack" && e.action == "save" && e.entityId == 1 && e.actor == "pt.rivera";
        });
    };
    wait(announced);
    BOOST_TEST(announced());
}

BOOST_AUTO_TEST_SUITE_END()
