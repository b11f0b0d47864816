#include "booking/domain/rules.hpp"

#include <gtest/gtest.h>

#include "booking/domain/local_time.hpp"
#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;

const auto now = utc(2027, 5, 3, 8);

TEST(duration, between_min_and_max_inclusive) {
  space_rules r;
  r.min_duration = 30min;
  r.max_duration = 4h;
  EXPECT_TRUE(check_duration(r, {now, now + 30min}));
  EXPECT_TRUE(check_duration(r, {now, now + 4h}));
  EXPECT_TRUE(check_duration(r, {now, now + 29min}).error().is(errc::too_short));
  EXPECT_TRUE(check_duration(r, {now, now + 4h + 1s}).error().is(errc::too_long));
  auto backwards = check_duration(r, {now, now - 1h});
  ASSERT_FALSE(backwards);
  EXPECT_TRUE(backwards.error().is(errc::validation_failed));
  EXPECT_EQ(backwards.error().fields.at(0).field, "end");
}

TEST(lead_time, start_must_be_at_least_lead_after_now) {
  space_rules r;
  r.lead_time = 2h;
  EXPECT_TRUE(check_lead_time(r, now + 2h, now));
  EXPECT_TRUE(check_lead_time(r, now + 1h, now).error().is(errc::too_soon));
  r.lead_time = 0s;
  EXPECT_TRUE(check_lead_time(r, now, now));
  EXPECT_TRUE(check_lead_time(r, now - 1s, now).error().is(errc::too_soon));
}

TEST(days_ahead, the_stricter_of_space_and_group_applies) {
  auto s = make_space(booking_mode::exclusive, 1);
  s.rules.max_days_ahead = 30;
  group students;
  students.policy.max_days_ahead = 14;
  group staff;  // no limit of its own
  std::vector<group> only_students{students};
  EXPECT_EQ(effective_max_days_ahead(s, only_students), 14);
  std::vector<group> both{students, staff};
  EXPECT_EQ(effective_max_days_ahead(s, both), 30);
  group generous;
  generous.policy.max_days_ahead = 60;
  std::vector<group> g{generous};
  EXPECT_EQ(effective_max_days_ahead(s, g), 30);
  EXPECT_EQ(effective_max_days_ahead(s, {}), 30);
  EXPECT_TRUE(check_days_ahead(14, now + std::chrono::days{14}, now));
  EXPECT_TRUE(
      check_days_ahead(14, now + std::chrono::days{14} + 1s, now).error().is(errc::too_far_ahead));
}

TEST(permissions, group_may_book_listed_kinds_only) {
  auto lab = make_space(booking_mode::exclusive, 12);
  lab.kind = space_kind::lab;
  group students;
  students.policy.bookable_kinds = {space_kind::desk, space_kind::room};
  actor member{"u1", role::member, {"students"}};
  std::vector<group> g{students};
  EXPECT_TRUE(check_kind_allowed(member, g, lab).error().is(errc::kind_not_allowed));
  lab.kind = space_kind::room;
  EXPECT_TRUE(check_kind_allowed(member, g, lab));
  lab.kind = space_kind::lab;
  actor admin{"a1", role::admin, {}};
  EXPECT_TRUE(check_kind_allowed(admin, g, lab));
  group researchers;  // no list: every kind
  std::vector<group> both{students, researchers};
  EXPECT_TRUE(check_kind_allowed(member, both, lab));
}

TEST(permissions, space_limited_to_groups) {
  auto s = make_space(booking_mode::exclusive, 12);
  s.allowed_group_ids = {"researchers"};
  EXPECT_TRUE(check_space_allowed({"u1", role::member, {"students"}}, s)
                  .error()
                  .is(errc::space_not_allowed));
  EXPECT_TRUE(check_space_allowed({"u1", role::member, {"students", "researchers"}}, s));
  EXPECT_TRUE(check_space_allowed({"a", role::admin, {}}, s));
  s.allowed_group_ids.clear();
  EXPECT_TRUE(check_space_allowed({"u1", role::member, {}}, s));
}

TEST(quota, most_generous_group_quota_and_none_when_a_group_has_none) {
  group a, b, c;
  a.policy.weekly_quota_hours = 5;
  b.policy.weekly_quota_hours = 10;
  std::vector<group> ab{a, b};
  EXPECT_EQ(effective_weekly_quota(ab), std::chrono::seconds{10h});
  std::vector<group> ac{a, c};
  EXPECT_FALSE(effective_weekly_quota(ac));
  EXPECT_FALSE(effective_weekly_quota({}));
}

class quota_week : public ::testing::Test {
 protected:
  const date::time_zone* zone = *find_zone("Europe/Berlin");
};

TEST_F(quota_week, sums_the_users_active_bookings_in_the_local_week) {
  // Week of Monday 2027-05-03 (CEST).
  std::vector<booking> mine{
      make_booking("a", utc(2027, 5, 3, 8), utc(2027, 5, 3, 11)),
      make_booking("b", utc(2027, 5, 5, 8), utc(2027, 5, 5, 10)),
      make_booking("x", utc(2027, 5, 4, 8), utc(2027, 5, 4, 18), 1, booking_status::cancelled),
      make_booking("prev", utc(2027, 4, 26, 8), utc(2027, 4, 26, 18))};
  auto fits = make_booking("new", utc(2027, 5, 7, 8), utc(2027, 5, 7, 11));  // 3+2+3 = 8
  EXPECT_TRUE(check_quota(zone, 8h, mine, fits));
  auto over = make_booking("new", utc(2027, 5, 7, 8), utc(2027, 5, 7, 11, 1));
  EXPECT_TRUE(check_quota(zone, 8h, mine, over).error().is(errc::quota_exceeded));
}

TEST_F(quota_week, booking_spanning_two_weeks_counts_in_each) {
  // Sunday 2027-05-09 20:00 to Monday 2027-05-10 04:00 local: 4 h in each week.
  auto spanning = make_booking("new", utc(2027, 5, 9, 18), utc(2027, 5, 10, 2));
  EXPECT_EQ(quota_window(zone, spanning.interval()),
            (time_range{utc(2027, 5, 2, 22), utc(2027, 5, 16, 22)}));
  std::vector<booking> first_week{make_booking("a", utc(2027, 5, 3, 8), utc(2027, 5, 3, 12))};
  EXPECT_TRUE(check_quota(zone, 8h, first_week, spanning));
  first_week.push_back(make_booking("b", utc(2027, 5, 4, 8), utc(2027, 5, 4, 8, 30)));
  EXPECT_TRUE(check_quota(zone, 8h, first_week, spanning).error().is(errc::quota_exceeded));
  std::vector<booking> second_week{make_booking("c", utc(2027, 5, 11, 8), utc(2027, 5, 11, 12))};
  EXPECT_TRUE(check_quota(zone, 8h, second_week, spanning));
  second_week.push_back(make_booking("d", utc(2027, 5, 12, 8), utc(2027, 5, 12, 8, 30)));
  EXPECT_TRUE(check_quota(zone, 8h, second_week, spanning).error().is(errc::quota_exceeded));
}

TEST_F(quota_week, other_users_bookings_do_not_count) {
  std::vector<booking> theirs{make_booking("a", utc(2027, 5, 3, 8), utc(2027, 5, 3, 18), 1,
                                           booking_status::confirmed, "someone-else")};
  EXPECT_TRUE(
      check_quota(zone, 2h, theirs, make_booking("new", utc(2027, 5, 4, 8), utc(2027, 5, 4, 10))));
}

}  // namespace
}  // namespace hubgate::domain
