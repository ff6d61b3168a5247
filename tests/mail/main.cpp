#define BOOST_TEST_MODULE stretchplan_mail
#include <boost/test/unit_test.hpp>
