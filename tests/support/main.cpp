#define BOOST_TEST_MODULE sp_test_support
#include <boost/test/unit_test.hpp>
