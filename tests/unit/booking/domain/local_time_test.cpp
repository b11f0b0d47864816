#include "booking/domain/local_time.hpp"

#include <gtest/gtest.h>

#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;

class berlin : public ::testing::Test {
 protected:
  const date::time_zone* zone = *find_zone("Europe/Berlin");

  // Open only on Sundays, all day.
  static weekly_hours sundays() {
    weekly_hours h;
    h.days[6].push_back({0min, 24h});
    return h;
  }
};

TEST_F(berlin, resolves_an_ordinary_wall_time) {
  auto t = resolve_local(zone, wall(2027, 3, 28, 9));
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, utc(2027, 3, 28, 7));  // CEST, +02:00
}

TEST_F(berlin, wall_time_in_the_spring_forward_gap_is_nonexistent) {
  auto t = resolve_local(zone, wall(2027, 3, 28, 2, 30));
  ASSERT_FALSE(t);
  EXPECT_TRUE(t.error().is(errc::nonexistent_local_time));
}

TEST_F(berlin, wall_time_in_the_repeated_hour_is_ambiguous_without_offset) {
  auto t = resolve_local(zone, wall(2027, 10, 31, 2, 30));
  ASSERT_FALSE(t);
  EXPECT_TRUE(t.error().is(errc::ambiguous_local_time));
}

TEST_F(berlin, an_offset_resolves_the_repeated_hour) {
  auto first = resolve_local(zone, wall(2027, 10, 31, 2, 30), 120min);
  auto second = resolve_local(zone, wall(2027, 10, 31, 2, 30), 60min);
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, utc(2027, 10, 31, 0, 30));
  EXPECT_EQ(*second, utc(2027, 10, 31, 1, 30));
}

TEST_F(berlin, parses_rfc3339_and_wall_times) {
  auto a = parse_time_input("2027-10-31T02:30:00+01:00");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->utc_offset, 60min);
  EXPECT_EQ(*resolve(zone, *a), utc(2027, 10, 31, 1, 30));
  auto z = parse_time_input("2027-03-28T07:00:00.250Z");
  ASSERT_TRUE(z);
  EXPECT_EQ(*resolve(zone, *z), utc(2027, 3, 28, 7));
  auto w = parse_time_input("2027-03-28T02:30");
  ASSERT_TRUE(w);
  EXPECT_FALSE(w->utc_offset);
  EXPECT_TRUE(resolve(zone, *w).error().is(errc::nonexistent_local_time));
}

TEST_F(berlin, rejects_malformed_times) {
  for (auto text : {"", "2027-02-30T10:00:00", "2027-03-28", "2027-03-28T25:00", "tomorrow",
                    "2027-03-28T10:00:00+1", "2027-03-28T10:00:00Zjunk", "2027-3-28T10:00"}) {
    auto r = parse_time_input(text);
    ASSERT_FALSE(r) << text;
    EXPECT_TRUE(r.error().is(errc::validation_failed)) << text;
  }
}

TEST_F(berlin, other_zones_are_found) {
  for (auto name : {"UTC", "America/New_York", "Asia/Kolkata", "Europe/Lisbon"}) {
    auto z = find_zone(name);
    ASSERT_TRUE(z) << name;
    EXPECT_EQ((*z)->name(), name);
  }
}

TEST_F(berlin, unknown_zone_is_refused) {
  EXPECT_TRUE(find_zone("Mars/Olympus_Mons").error().is(errc::unknown_time_zone));
  EXPECT_TRUE(find_zone("").error().is(errc::unknown_time_zone));
}

TEST_F(berlin, sunday_when_dst_starts_has_23_open_hours) {
  auto periods = open_periods(zone, sundays(), {}, {utc(2027, 3, 27), utc(2027, 3, 30)});
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].from, utc(2027, 3, 27, 23));  // 00:00 CET
  EXPECT_EQ(periods[0].to, utc(2027, 3, 28, 22));    // 24:00 CEST
  EXPECT_EQ(periods[0].length(), 23h);
}

TEST_F(berlin, sunday_when_dst_ends_has_25_open_hours) {
  auto periods = open_periods(zone, sundays(), {}, {utc(2027, 10, 30), utc(2027, 11, 2)});
  ASSERT_EQ(periods.size(), 1u);
  EXPECT_EQ(periods[0].length(), 25h);
}

TEST_F(berlin, booking_across_the_gap_fits_the_short_sunday) {
  // 01:00 CET to 04:00 CEST is two real hours.
  time_range iv{*resolve_local(zone, wall(2027, 3, 28, 1)),
                *resolve_local(zone, wall(2027, 3, 28, 4))};
  EXPECT_EQ(iv.length(), 2h);
  EXPECT_TRUE(check_open(zone, sundays(), {}, iv));
  // The whole day, midnight to midnight, is open too.
  time_range day{*resolve_local(zone, wall(2027, 3, 28)), *resolve_local(zone, wall(2027, 3, 29))};
  EXPECT_TRUE(check_open(zone, sundays(), {}, day));
}

TEST_F(berlin, booking_running_into_a_closed_day_is_outside_opening_hours) {
  time_range iv{utc(2027, 3, 28, 20), utc(2027, 3, 28, 23)};  // 22:00 to 01:00 Monday
  auto r = check_open(zone, sundays(), {}, iv);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::outside_opening_hours));
}

TEST_F(berlin, booking_between_two_periods_of_a_day_is_outside_opening_hours) {
  weekly_hours h;
  h.days[0] = {{8h, 12h}, {13h, 18h}};  // Monday with a lunch break
  // Monday 2027-03-29 11:00-14:00 CEST.
  auto r = check_open(zone, h, {}, {utc(2027, 3, 29, 9), utc(2027, 3, 29, 12)});
  EXPECT_TRUE(r.error().is(errc::outside_opening_hours));
  EXPECT_TRUE(check_open(zone, h, {}, {utc(2027, 3, 29, 11), utc(2027, 3, 29, 16)}));
}

TEST_F(berlin, closure_refuses_with_its_reason) {
  std::vector<closure> closures{{date::year{2027} / 3 / 28, date::year{2027} / 3 / 28, "Works"}};
  auto r = check_open(zone, sundays(), closures, {utc(2027, 3, 28, 8), utc(2027, 3, 28, 9)});
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::space_closed));
  EXPECT_EQ(r.error().message, "Works");
}

TEST_F(berlin, week_starts_on_monday_midnight_local) {
  EXPECT_EQ(week_start(zone, utc(2027, 3, 31, 12)), utc(2027, 3, 28, 22));  // CEST
  EXPECT_EQ(week_start(zone, utc(2027, 3, 28, 12)), utc(2027, 3, 21, 23));  // CET
  EXPECT_EQ(next_week_start(zone, utc(2027, 3, 28, 12)), utc(2027, 3, 28, 22));
}

TEST_F(berlin, formats_with_the_local_offset) {
  EXPECT_EQ(format_rfc3339(zone, utc(2027, 3, 28, 7)), "2027-03-28T09:00:00+02:00");
  EXPECT_EQ(format_rfc3339(zone, utc(2027, 1, 5, 7)), "2027-01-05T08:00:00+01:00");
  EXPECT_EQ(format_rfc3339_utc(utc(2027, 1, 5, 7)), "2027-01-05T07:00:00Z");
}

}  // namespace
}  // namespace hubgate::domain
