#include "booking/domain/booking_lifecycle.hpp"

#include <gtest/gtest.h>

#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;
using s = booking_status;
using a = booking_action;

const auto start = utc(2027, 5, 3, 9);
const auto end = utc(2027, 5, 3, 11);
const auto before = start - 1h;

booking with(s status) {
  return make_booking("b1", start, end, 1, status, "owner");
}

TEST(transitions, allowed_moves) {
  EXPECT_EQ(*next_status(with(s::pending), a::approve, before), s::confirmed);
  EXPECT_EQ(*next_status(with(s::pending), a::reject, before), s::cancelled);
  EXPECT_EQ(*next_status(with(s::pending), a::cancel, before), s::cancelled);
  EXPECT_EQ(*next_status(with(s::confirmed), a::check_in, start), s::checked_in);
  EXPECT_EQ(*next_status(with(s::confirmed), a::cancel, before), s::cancelled);
  EXPECT_EQ(*next_status(with(s::confirmed), a::release, start + 20min), s::released);
  EXPECT_EQ(*next_status(with(s::confirmed), a::complete, end), s::completed);
  EXPECT_EQ(*next_status(with(s::checked_in), a::complete, end), s::completed);
  EXPECT_EQ(*next_status(with(s::checked_in), a::cancel, end - 1s), s::cancelled);
}

TEST(transitions, everything_else_is_invalid) {
  const std::vector<std::pair<s, a>> refused{
      {s::pending, a::check_in},   {s::pending, a::release},    {s::pending, a::complete},
      {s::confirmed, a::approve},  {s::confirmed, a::reject},   {s::checked_in, a::check_in},
      {s::checked_in, a::release}, {s::checked_in, a::approve}, {s::released, a::cancel},
      {s::released, a::check_in},  {s::cancelled, a::cancel},   {s::cancelled, a::approve},
      {s::completed, a::cancel},   {s::completed, a::check_in}};
  for (auto [from, action] : refused) {
    auto r = next_status(with(from), action, before);
    ASSERT_FALSE(r) << to_string(from) << " " << to_string(action);
    EXPECT_TRUE(r.error().is(errc::invalid_transition));
  }
  // A checked-in booking can no longer be cancelled once it has ended.
  EXPECT_TRUE(
      next_status(with(s::checked_in), a::cancel, end).error().is(errc::invalid_transition));
}

TEST(who_may, owner_cancels_and_checks_in_their_own) {
  actor owner{"owner", role::member, {}};
  EXPECT_TRUE(check_may(owner, with(s::confirmed), a::cancel, before, 15min));
  EXPECT_TRUE(check_may(owner, with(s::confirmed), a::check_in, start - 15min, 15min));
  EXPECT_TRUE(
      check_may(owner, with(s::confirmed), a::approve, before, 15min).error().is(errc::forbidden));
}

TEST(who_may, another_member_learns_nothing) {
  actor other{"other", role::member, {}};
  EXPECT_TRUE(
      check_may(other, with(s::confirmed), a::cancel, before, 15min).error().is(errc::not_found));
  EXPECT_TRUE(
      check_may(other, with(s::confirmed), a::check_in, start, 15min).error().is(errc::not_found));
}

TEST(who_may, admin_may_do_anything) {
  actor admin{"admin", role::admin, {}};
  for (auto action : {a::approve, a::reject, a::cancel, a::release, a::complete})
    EXPECT_TRUE(check_may(admin, with(s::pending), action, before, 15min));
}

TEST(who_may, check_in_only_from_start_minus_grace_to_end) {
  actor owner{"owner", role::member, {}};
  auto b = with(s::confirmed);
  EXPECT_TRUE(
      check_may(owner, b, a::check_in, start - 16min, 15min).error().is(errc::check_in_not_open));
  EXPECT_TRUE(check_may(owner, b, a::check_in, start - 15min, 15min));
  EXPECT_TRUE(check_may(owner, b, a::check_in, end - 1s, 15min));
  EXPECT_TRUE(check_may(owner, b, a::check_in, end, 15min).error().is(errc::check_in_not_open));
}

TEST(no_show, after_the_release_window_when_check_in_is_required) {
  auto sp = make_space(booking_mode::shared, 10);
  sp.check_in_required = true;
  sp.release_window = 15min;
  auto b = with(s::confirmed);
  EXPECT_FALSE(is_no_show(sp, b, start + 15min - 1s));
  EXPECT_TRUE(is_no_show(sp, b, start + 15min));
  EXPECT_FALSE(is_no_show(sp, with(s::checked_in), start + 1h));
  sp.check_in_required = false;
  EXPECT_FALSE(is_no_show(sp, b, start + 1h));
}

}  // namespace
}  // namespace hubgate::domain
