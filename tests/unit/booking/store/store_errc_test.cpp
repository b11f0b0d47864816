// The store's failures reach the api as the domain's port conditions, so the api answers a
// busy or closing store with 503 without knowing which store is behind the ports.
#include "booking/store/store_errc.hpp"

#include <gtest/gtest.h>

#include "booking/domain/port_condition.hpp"

namespace hubgate::store {
namespace {

TEST(store_errc, busy_and_closed_are_unavailable) {
  EXPECT_EQ(make_error_code(errc::busy), domain::port_condition::unavailable);
  EXPECT_EQ(make_error_code(errc::closed), domain::port_condition::unavailable);
}

TEST(store_errc, other_failures_are_not_unavailable) {
  for (auto e : {errc::open_failed, errc::io_error, errc::corrupt, errc::constraint,
                 errc::sqlite_error, errc::bad_record, errc::internal_error})
    EXPECT_NE(make_error_code(e), domain::port_condition::unavailable) << static_cast<int>(e);
}

}  // namespace
}  // namespace hubgate::store
