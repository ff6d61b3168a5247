#define BOOST_TEST_MODULE sp_delivery
#include "../gui/TestHome.h"

#include <boost/test/unit_test.hpp>

namespace {
struct Home {
    sp::test::TestHome home{"sp-deliverytest"};
};
} // namespace

BOOST_TEST_GLOBAL_FIXTURE(Home);
