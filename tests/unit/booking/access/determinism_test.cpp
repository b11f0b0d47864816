// The same state gives byte-identical lists, whatever the order of its records, and time
// passing within a horizon step changes nothing, so recomputing to diff stays quiet.
#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <random>

#include "booking/access/list_diff.hpp"
#include "protocol/access_list_json.hpp"
#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

const sys_seconds now = utc(2027, 6, 7, 8);

hub_state busy_hub() {
  auto s = sample_hub();
  s.credentials.push_back({.id = "c-lost",
                           .user_id = "u-member",
                           .card_id = "04BEEF00",
                           .status = domain::credential_status::lost});
  s.credentials.push_back({.id = "c-staff-2", .user_id = "u-staff", .card_id = "04BEEF01"});
  for (int d = 0; d < 10; ++d) {
    s.bookings.push_back(make_booking("l" + std::to_string(d), "lab", "u-member",
                                      utc(2027, 6, 8 + d, 9), utc(2027, 6, 8 + d, 11)));
    s.bookings.push_back(make_booking("d" + std::to_string(d), "desk-1", "u-staff",
                                      utc(2027, 6, 8 + d, 7), utc(2027, 6, 8 + d, 15)));
  }
  return s;
}

std::string serialise(const access_lists& lists) {
  std::string out;
  for (const auto& [id, list] : lists) out += id + boost::json::serialize(protocol::to_json(list));
  return out;
}

TEST(determinism, same_state_gives_byte_identical_lists) {
  auto s = busy_hub();
  auto a = derive_ok(s, now);
  auto b = derive_ok(s, now);
  EXPECT_EQ(a, b);
  EXPECT_EQ(serialise(a), serialise(b));
}

TEST(determinism, record_order_does_not_matter) {
  auto s = busy_hub();
  auto expected = serialise(derive_ok(s, now));
  std::mt19937 rng(42);
  for (int round = 0; round < 5; ++round) {
    std::shuffle(s.bookings.begin(), s.bookings.end(), rng);
    std::shuffle(s.users.begin(), s.users.end(), rng);
    std::shuffle(s.credentials.begin(), s.credentials.end(), rng);
    std::shuffle(s.doors.begin(), s.doors.end(), rng);
    std::shuffle(s.groups.begin(), s.groups.end(), rng);
    EXPECT_EQ(serialise(derive_ok(s, now)), expected) << "round " << round;
  }
}

TEST(determinism, entries_are_sorted_by_door_card_and_source) {
  auto lists = derive_ok(busy_hub(), now);
  for (const auto& [id, list] : lists) {
    EXPECT_TRUE(
        std::is_sorted(list.entries.begin(), list.entries.end(), [](const auto& a, const auto& b) {
          return std::tie(a.door_id, a.card, a.source) < std::tie(b.door_id, b.card, b.source);
        }));
    EXPECT_TRUE(std::is_sorted(list.revoked.begin(), list.revoked.end()));
  }
}

TEST(determinism, minutes_passing_inside_a_horizon_step_change_nothing) {
  auto s = busy_hub();
  auto a = derive_ok(s, now + minutes{1});
  auto b = derive_ok(s, now + minutes{50});
  EXPECT_TRUE(affected_controllers(a, b).empty());
  // A new step moves the horizon's end: admin and standing windows grow.
  auto c = derive_ok(s, now + minutes{61});
  EXPECT_FALSE(affected_controllers(a, c).empty());
}

TEST(determinism, one_booking_touches_only_the_boards_of_its_doors) {
  auto s = busy_hub();
  auto before = derive_ok(s, now);
  s.bookings.push_back(
      make_booking("new", "room-1", "u-member", utc(2027, 6, 9, 13), utc(2027, 6, 9, 14)));
  auto after = derive_ok(s, now);
  // Room 1's door is on ctrl-lab; the entrance gains 12:45-14:15, apart from the lab's hours.
  EXPECT_EQ(affected_controllers(before, after),
            (std::vector<std::string>{"ctrl-front", "ctrl-lab"}));
  auto deltas = diff_all(before, after);
  EXPECT_EQ(deltas.at("ctrl-lab").upserts.size(), 1u);
  EXPECT_TRUE(deltas.at("ctrl-lab").removals.empty());

  s.bookings.back().space_id = "desk-1";
  s.bookings.back().user_id = "u-staff";  // inside the staff member's desk day already
  auto quiet = derive_ok(s, now);
  EXPECT_TRUE(affected_controllers(before, quiet).empty());
}

}  // namespace
}  // namespace hubgate::access::test
