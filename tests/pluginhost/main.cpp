#define BOOST_TEST_MODULE sp_pluginhost
#include <boost/test/unit_test.hpp>
