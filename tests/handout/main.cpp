#define BOOST_TEST_MODULE sp_handout
#include <boost/test/unit_test.hpp>
