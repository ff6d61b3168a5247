#define BOOST_TEST_MODULE sp_editor
#include "TestHome.h"

#include <boost/test/unit_test.hpp>

namespace {
struct Home {
    sp::test::TestHome home{"sp-editortest"};
};
} // namespace

BOOST_TEST_GLOBAL_FIXTURE(Home);
