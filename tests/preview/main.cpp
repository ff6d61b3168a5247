#define BOOST_TEST_MODULE sp_preview
#include <boost/test/unit_test.hpp>
