#define BOOST_TEST_MODULE sp_core
#include <boost/test/unit_test.hpp>
