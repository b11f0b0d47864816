// A tap at the entrance checks in a desk booking, not a lab booking: the lab has its own door.
#include "booking/access/check_in_doors.hpp"

#include <gtest/gtest.h>

#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

const domain::space& space_named(const hub_state& s, std::string_view id) {
  return *std::find_if(s.spaces.begin(), s.spaces.end(),
                       [&](const domain::space& sp) { return sp.id == id; });
}

TEST(check_in_doors, desk_without_own_door_checks_in_at_the_entrance) {
  auto s = sample_hub();
  EXPECT_EQ(check_in_doors(space_named(s, "desk-1"), s.doors),
            std::vector<std::string>{"entrance"});
}

TEST(check_in_doors, lab_checks_in_only_at_its_own_door) {
  auto s = sample_hub();
  EXPECT_EQ(check_in_doors(space_named(s, "lab"), s.doors), std::vector<std::string>{"lab-door"});
}

TEST(check_in_doors, a_door_without_a_board_still_counts_as_the_spaces_own) {
  auto s = sample_hub();
  EXPECT_EQ(check_in_doors(space_named(s, "room-2"), s.doors),
            std::vector<std::string>{"room2-door"});
}

TEST(check_in_doors, several_own_doors_in_door_order_and_other_sites_entrances_ignored) {
  auto s = sample_hub();
  s.doors.push_back({.id = "lab-back", .site_id = "s1", .name = "Lab back", .space_ids = {"lab"}});
  s.doors.push_back(
      {.id = "other-entrance", .site_id = "s2", .name = "Annex", .is_entrance = true});
  EXPECT_EQ(check_in_doors(space_named(s, "lab"), s.doors),
            (std::vector<std::string>{"lab-door", "lab-back"}));
  EXPECT_EQ(check_in_doors(space_named(s, "desk-1"), s.doors),
            std::vector<std::string>{"entrance"});
}

TEST(check_in_doors, entrance_listing_a_space_does_not_make_it_an_own_door) {
  auto s = sample_hub();
  s.doors[0].space_ids = {"desk-1", "lab"};
  EXPECT_EQ(check_in_doors(space_named(s, "lab"), s.doors), std::vector<std::string>{"lab-door"});
  EXPECT_EQ(check_in_doors(space_named(s, "desk-1"), s.doors),
            std::vector<std::string>{"entrance"});
}

}  // namespace
}  // namespace hubgate::access::test
