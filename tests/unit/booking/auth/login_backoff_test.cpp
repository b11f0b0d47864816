// The sign-in lockout per account and address: free tries, then a lockout that doubles with
// each further failure up to the ceiling, forgotten after a quiet spell or a success.
#include "booking/auth/login_backoff.hpp"

#include <gtest/gtest.h>

namespace hubgate::auth {
namespace {

using namespace std::chrono_literals;

const auto t0 = login_backoff::clock::time_point{} + 1h;

TEST(auth_login_backoff, free_tries_then_a_lockout_of_a_minute) {
  login_backoff backoff({});
  for (int i = 0; i < 4; ++i) {
    backoff.record_failure("anna", t0 + i * 1s);
    EXPECT_FALSE(backoff.blocked_for("anna", t0 + i * 1s));
  }
  backoff.record_failure("anna", t0 + 4s);
  EXPECT_EQ(backoff.blocked_for("anna", t0 + 4s), 60s);
  EXPECT_EQ(backoff.blocked_for("anna", t0 + 34s), 30s);
  EXPECT_FALSE(backoff.blocked_for("anna", t0 + 64s));
  EXPECT_FALSE(backoff.blocked_for("bert", t0 + 5s));
}

TEST(auth_login_backoff, each_further_failure_doubles_the_lockout_up_to_an_hour) {
  login_backoff backoff({});
  auto at = t0;
  for (int i = 0; i < 5; ++i) backoff.record_failure("anna", at);
  std::vector<std::chrono::seconds> seen;
  for (int i = 0; i < 9; ++i) {
    const auto wait = backoff.blocked_for("anna", at);
    ASSERT_TRUE(wait);
    seen.push_back(*wait);
    at += *wait;  // the guesser waits the lockout out, then fails again
    EXPECT_FALSE(backoff.blocked_for("anna", at));
    backoff.record_failure("anna", at);
  }
  const std::vector<std::chrono::seconds> expected{1min,  2min,  4min,  8min, 16min,
                                                   32min, 60min, 60min, 60min};
  EXPECT_EQ(seen, expected);
}

TEST(auth_login_backoff, a_success_or_a_quiet_spell_starts_afresh) {
  login_backoff backoff({});
  for (int i = 0; i < 6; ++i) backoff.record_failure("anna", t0);
  EXPECT_EQ(backoff.blocked_for("anna", t0), 2min);
  backoff.reset("anna");
  EXPECT_FALSE(backoff.blocked_for("anna", t0));

  for (int i = 0; i < 6; ++i) backoff.record_failure("bert", t0);
  // Two minutes locked, then fifteen quiet ones: the next failure is a free one again.
  const auto later = t0 + 2min + 15min;
  backoff.record_failure("bert", later);
  EXPECT_FALSE(backoff.blocked_for("bert", later));
}

TEST(auth_login_backoff, keys_gone_quiet_are_swept_but_locked_ones_stay) {
  login_backoff backoff({});
  for (int i = 0; i < 1000; ++i) backoff.record_failure("guess" + std::to_string(i), t0);
  for (int i = 0; i < 11; ++i) backoff.record_failure("locked", t0);  // an hour's lockout
  EXPECT_EQ(backoff.tracked_keys(), 1001u);
  backoff.record_failure("late", t0 + 15min);
  EXPECT_EQ(backoff.tracked_keys(), 2u);
  EXPECT_EQ(backoff.blocked_for("locked", t0 + 15min), 45min);
}

TEST(auth_login_backoff, lockout_lengths) {
  login_backoff backoff({3, 30s, 5min, 10min});
  EXPECT_EQ(backoff.lockout_after(2), 0s);
  EXPECT_EQ(backoff.lockout_after(3), 30s);
  EXPECT_EQ(backoff.lockout_after(4), 60s);
  EXPECT_EQ(backoff.lockout_after(7), 5min);
  EXPECT_EQ(backoff.lockout_after(1'000'000), 5min);
}

}  // namespace
}  // namespace hubgate::auth
