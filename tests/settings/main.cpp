#define BOOST_TEST_MODULE sp_settings
#include <boost/test/unit_test.hpp>
