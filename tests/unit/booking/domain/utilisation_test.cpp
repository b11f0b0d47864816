#include "booking/domain/utilisation.hpp"

#include <gtest/gtest.h>

#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;
using date::year_month_day;

const date::time_zone* berlin() {
  return date::locate_zone("Europe/Berlin");
}

year_month_day ymd(int y, unsigned m, unsigned d) {
  return date::year{y} / date::month{m} / date::day{d};
}

utilisation_space space_of(std::string id, space_kind kind, int capacity, weekly_hours hours) {
  return {id, "Space " + id, kind, capacity, std::move(hours), {}};
}

weekly_hours weekdays(int open_h, int close_h) {
  weekly_hours h;
  for (int d = 0; d < 5; ++d)
    h.days[static_cast<std::size_t>(d)].push_back(
        {std::chrono::hours{open_h}, std::chrono::hours{close_h}});
  return h;
}

booking on(std::string space, sys_seconds start, sys_seconds end, int seats,
           booking_status status = booking_status::confirmed) {
  auto b = make_booking("bk_" + space + std::to_string(start.time_since_epoch().count()), start,
                        end, seats, status);
  b.space_id = std::move(space);
  return b;
}

utilisation_input week_of_march_28() {
  utilisation_input in;
  in.zone = berlin();
  in.range = report_range(berlin(), ymd(2027, 3, 22), ymd(2027, 3, 28));
  return in;
}

TEST(utilisation, always_open_week_with_spring_forward_has_167_hours) {
  auto in = week_of_march_28();
  in.spaces.push_back(space_of("a", space_kind::room, 2, weekly_hours::always_open()));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].iso_year, 2027);
  EXPECT_EQ(rows[0].iso_week, 12u);
  EXPECT_EQ(rows[0].week_start, ymd(2027, 3, 22));
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 2 * 167.0);
  ASSERT_TRUE(rows[0].utilisation_percent().has_value());
  EXPECT_DOUBLE_EQ(*rows[0].utilisation_percent(), 0.0);
}

TEST(utilisation, always_open_week_with_fall_back_has_169_hours) {
  utilisation_input in;
  in.zone = berlin();
  in.range = report_range(berlin(), ymd(2027, 10, 25), ymd(2027, 10, 31));
  in.spaces.push_back(space_of("a", space_kind::room, 1, weekly_hours::always_open()));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].iso_week, 43u);
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 169.0);
}

TEST(utilisation, opening_hours_through_the_skipped_hour_count_real_time) {
  // Open Sunday 01:00-04:00 local; on 2027-03-28 02:00-03:00 does not exist: 2 real hours.
  weekly_hours h;
  h.days[6].push_back({std::chrono::hours{1}, std::chrono::hours{4}});
  auto in = week_of_march_28();
  in.spaces.push_back(space_of("a", space_kind::lab, 3, h));
  // Booked 01:00-04:00 local = 00:00-02:00 UTC, two seats.
  in.bookings.push_back(on("a", utc(2027, 3, 28, 0), utc(2027, 3, 28, 2), 2));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 3 * 2.0);
  EXPECT_DOUBLE_EQ(rows[0].booked_seat_hours(), 2 * 2.0);
  EXPECT_NEAR(*rows[0].utilisation_percent(), 66.6667, 1e-3);
  EXPECT_EQ(rows[0].bookings, 1);
}

TEST(utilisation, weekday_hours_are_unaffected_by_a_sunday_change) {
  auto in = week_of_march_28();
  in.spaces.push_back(space_of("a", space_kind::room, 4, weekdays(7, 22)));
  // Tuesday 10:00-12:00 CET (09:00-11:00 UTC), 3 seats; and one partly after closing time.
  in.bookings.push_back(on("a", utc(2027, 3, 23, 9), utc(2027, 3, 23, 11), 3));
  in.bookings.push_back(on("a", utc(2027, 3, 24, 20), utc(2027, 3, 24, 22), 1));  // 21-23 local
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 4 * 5 * 15.0);
  EXPECT_DOUBLE_EQ(rows[0].booked_seat_hours(), 3 * 2.0 + 1.0);  // only 21:00-22:00 was open
  EXPECT_EQ(rows[0].bookings, 2);
}

TEST(utilisation, partial_weeks_are_cut_at_the_range_ends) {
  utilisation_input in;
  in.zone = berlin();
  in.range = report_range(berlin(), ymd(2027, 3, 24), ymd(2027, 3, 30));  // Wed .. Tue
  in.spaces.push_back(space_of("a", space_kind::room, 1, weekly_hours::always_open()));
  // Sunday 22:00 CEST to Monday 02:00 CEST crosses into the next week: 2 h in each.
  in.bookings.push_back(on("a", utc(2027, 3, 28, 20), utc(2027, 3, 29, 0), 1));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].iso_week, 12u);
  EXPECT_EQ(rows[0].period.from, utc(2027, 3, 23, 23));  // Wednesday 00:00 CET
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 4 * 24.0 + 23.0);
  EXPECT_DOUBLE_EQ(rows[0].booked_seat_hours(), 2.0);
  EXPECT_EQ(rows[0].bookings, 1);
  EXPECT_EQ(rows[1].iso_week, 13u);
  EXPECT_EQ(rows[1].period.to, utc(2027, 3, 30, 22));  // Wednesday 00:00 CEST
  EXPECT_DOUBLE_EQ(rows[1].capacity_seat_hours(), 48.0);
  EXPECT_DOUBLE_EQ(rows[1].booked_seat_hours(), 2.0);
  EXPECT_EQ(rows[1].bookings, 0);  // counted in the week it starts
}

TEST(utilisation, statuses_split_into_booked_no_shows_and_cancellations) {
  auto in = week_of_march_28();
  in.spaces.push_back(space_of("a", space_kind::desk, 10, weekdays(8, 18)));
  auto monday = utc(2027, 3, 22, 8);
  in.bookings.push_back(on("a", monday, monday + 2h, 1, booking_status::completed));
  in.bookings.push_back(on("a", monday + 1h, monday + 2h, 1, booking_status::checked_in));
  in.bookings.push_back(on("a", monday + 2h, monday + 3h, 1, booking_status::released));
  in.bookings.push_back(on("a", monday + 3h, monday + 4h, 1, booking_status::cancelled));
  in.bookings.push_back(on("a", monday + 4h, monday + 5h, 1, booking_status::cancelled));
  in.bookings.push_back(on("a", monday + 5h, monday + 6h, 1, booking_status::pending));
  in.bookings.push_back(on("other", monday, monday + 1h, 1));  // not a space of the report
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].bookings, 2);
  EXPECT_EQ(rows[0].no_shows, 1);
  EXPECT_EQ(rows[0].cancellations, 2);
  EXPECT_DOUBLE_EQ(rows[0].booked_seat_hours(), 3.0);
}

TEST(utilisation, grouping_by_kind_sums_spaces_of_a_kind) {
  auto in = week_of_march_28();
  in.group_by = utilisation_grouping::kind;
  in.spaces.push_back(space_of("r1", space_kind::room, 6, weekdays(8, 18)));
  in.spaces.push_back(space_of("r2", space_kind::room, 8, weekdays(8, 18)));
  in.spaces.push_back(space_of("d1", space_kind::desk, 1, weekdays(8, 18)));
  in.bookings.push_back(on("r1", utc(2027, 3, 22, 8), utc(2027, 3, 22, 10), 6));
  in.bookings.push_back(on("r2", utc(2027, 3, 23, 8), utc(2027, 3, 23, 9), 4));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].key, "desk");
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 50.0);
  EXPECT_EQ(rows[1].key, "room");
  EXPECT_DOUBLE_EQ(rows[1].capacity_seat_hours(), 14 * 50.0);
  EXPECT_DOUBLE_EQ(rows[1].booked_seat_hours(), 12.0 + 4.0);
  EXPECT_EQ(rows[1].bookings, 2);
  EXPECT_NEAR(*rows[1].utilisation_percent(), 100.0 * 16 / 700, 1e-9);
}

TEST(utilisation, closures_and_closed_spaces) {
  auto in = week_of_march_28();
  auto s = space_of("a", space_kind::room, 1, weekdays(8, 18));
  s.closures.push_back({ymd(2027, 3, 25), ymd(2027, 3, 26), "works"});
  in.spaces.push_back(s);
  in.spaces.push_back(space_of("b", space_kind::room, 1, weekly_hours{}));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_DOUBLE_EQ(rows[0].capacity_seat_hours(), 30.0);
  EXPECT_FALSE(rows[1].utilisation_percent().has_value());
}

TEST(utilisation, iso_week_belongs_to_the_year_of_its_thursday) {
  utilisation_input in;
  in.zone = berlin();
  in.range = report_range(berlin(), ymd(2026, 12, 28), ymd(2027, 1, 3));
  in.spaces.push_back(space_of("a", space_kind::room, 1, weekly_hours::always_open()));
  auto rows = compute_utilisation(in);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].iso_year, 2026);
  EXPECT_EQ(rows[0].iso_week, 53u);
}

TEST(utilisation, grouping_names_parse) {
  EXPECT_EQ(parse_utilisation_grouping("space"), utilisation_grouping::space);
  EXPECT_EQ(parse_utilisation_grouping("kind"), utilisation_grouping::kind);
  EXPECT_FALSE(parse_utilisation_grouping("week"));
}

}  // namespace
}  // namespace hubgate::domain
