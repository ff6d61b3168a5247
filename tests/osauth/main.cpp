#define BOOST_TEST_MODULE sp_osauth
#include <boost/test/unit_test.hpp>
