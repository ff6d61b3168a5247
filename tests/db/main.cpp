#define BOOST_TEST_MODULE sp_db
#include <boost/test/unit_test.hpp>
