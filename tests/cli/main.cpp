#define BOOST_TEST_MODULE stretchplan_cli
#include <boost/test/unit_test.hpp>
