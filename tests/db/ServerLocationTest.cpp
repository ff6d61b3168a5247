// A server's location as the "Open clinic database" dialog's fields and back: what libpq
// reads from a URI or keyword=value string, and the URI the fields make (parsed again by
// libpq, it gives the same fields). No server is needed.
#include "DbFixtures.h"

#include "db/ServerLocation.h"

#include <boost/test/unit_test.hpp>

using namespace sp;
using namespace sp::db;
using namespace sp::test;

BOOST_AUTO_TEST_SUITE(server_location)

BOOST_AUTO_TEST_CASE(reads_every_field_of_a_uri_but_the_password)
{
    const ServerFields f = serverFields(
        "postgresql://pt.okafor:secret@clinic.example.org:5433/stretchplan?sslmode=verify-full&sslrootcert=/etc/ca.pem");
    BOOST_TEST(f.host == "clinic.example.org");
    BOOST_TEST(f.port == 5433);
    BOOST_TEST(f.database == "stretchplan");
    BOOST_TEST(f.user == "pt.okafor");
    BOOST_TEST(f.sslmode == "verify-full");
    BOOST_TEST(f.sslrootcert == "/etc/ca.pem");
    BOOST_TEST(f.service.empty());
    BOOST_TEST(accountOf(f) == "pt.okafor@clinic.example.org:5433/stretchplan");
}

BOOST_AUTO_TEST_CASE(reads_keyword_value_and_services)
{
    const ServerFields f = serverFields("host=10.0.0.5 dbname=clinic user=front.desk");
    BOOST_TEST(f.host == "10.0.0.5");
    BOOST_TEST(f.port == 5432);
    BOOST_TEST(f.database == "clinic");
    BOOST_TEST(serverFields("service=clinic").service == "clinic");
    BOOST_TEST(serverLocation(serverFields("service=clinic")) == "service=clinic");
    BOOST_TEST(accountOf(serverFields("service=clinic")) == "service clinic");
    // libpq's own default: the database is named like the user.
    BOOST_TEST(serverFields("postgresql://anna@db/").database == "anna");
}

BOOST_AUTO_TEST_CASE(the_fields_make_a_uri_that_gives_them_back)
{
    for (const ServerFields& f : {ServerFields{"clinic.example.org", 5432, "stretchplan", "pt.okafor", "", "", ""},
                                  ServerFields{"db", 6543, "klinik ä/1", "an@na:x", "verify-ca", "/home/a b/ca.pem", ""},
                                  ServerFields{"::1", 5432, "clinic", "me", "disable", "", ""},
                                  ServerFields{"/run/postgresql", 5432, "clinic", "me", "", "", ""}}) {
        const std::string uri = serverLocation(f);
        BOOST_TEST_INFO(uri);
        BOOST_TEST(uri.rfind("postgresql://", 0) == 0);
        BOOST_TEST((serverFields(uri) == f));
        BOOST_TEST(isServerLocation(uri));
    }
}

BOOST_AUTO_TEST_CASE(signing_in_as_someone_else_keeps_the_server_and_drops_the_password)
{
    const std::string as = withUser("postgresql://ana:secret@db.example:5433/clinic?sslmode=verify-full", "front.desk");
    const ServerFields f = serverFields(as);
    BOOST_TEST(f.user == "front.desk");
    BOOST_TEST(f.host == "db.example");
    BOOST_TEST(f.port == 5433);
    BOOST_TEST(f.database == "clinic");
    BOOST_TEST(f.sslmode == "verify-full");
    BOOST_TEST(!f.passwordGiven);
    const ServerFields service = serverFields(withUser("service=clinic", "o'brien"));
    BOOST_TEST(service.service == "clinic");
    BOOST_TEST(service.user == "o'brien");
    expectDbError(DbErrorKind::Invalid, [] { withUser("service=clinic", ""); });
}

BOOST_AUTO_TEST_CASE(incomplete_fields_name_each_one_missing)
{
    const DbError e = expectDbError(DbErrorKind::Invalid, [] { serverLocation(ServerFields{"", 0, "", "", "", "", ""}); });
    std::vector<std::string> fields;
    for (const FieldError& f : e.fieldErrors())
        fields.push_back(f.field);
    BOOST_TEST(fields == (std::vector<std::string>{"host", "port", "database", "user"}), boost::test_tools::per_element());
    BOOST_TEST(contains(e.what(), "host: give the server's name or address"));
}

BOOST_AUTO_TEST_CASE(what_libpq_cannot_parse_is_refused_with_its_reason)
{
    const DbError e = expectDbError(DbErrorKind::Invalid, [] { serverFields("host=db dbname"); });
    BOOST_TEST(contains(e.what(), "not a database location libpq understands"));
    expectDbError(DbErrorKind::Invalid, [] { serverFields("postgresql://me@db:notaport/clinic"); });
}

BOOST_AUTO_TEST_SUITE_END()
