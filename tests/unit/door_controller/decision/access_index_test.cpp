#include "door_controller/decision/access_index.hpp"

#include <gtest/gtest.h>

namespace hubgate::door {
namespace {

using protocol::grant_source;
using protocol::window;

protocol::pseudonym card(std::uint8_t n) {
  protocol::pseudonym p{};
  p[3] = n;
  return p;
}

TEST(access_index, merges_overlapping_and_touching_windows_per_source) {
  const protocol::access_list list{
      {{card(1), "lab", grant_source::booking, {{300, 400}, {100, 200}, {150, 250}, {400, 450}}},
       {card(1), "lab", grant_source::standing, {{0, 10}}},
       {card(1), "entrance", grant_source::admin, {{5, 6}}}},
      {}};
  const access_index index(list);
  const auto* doors = index.doors_of(card(1));
  ASSERT_NE(doors, nullptr);
  ASSERT_EQ(doors->size(), 2u);
  const auto& lab = (*doors)[0].door_id == "lab" ? (*doors)[0] : (*doors)[1];
  EXPECT_EQ(lab.booking, (std::vector<window>{{100, 250}, {300, 450}}));
  EXPECT_EQ(lab.standing, (std::vector<window>{{0, 10}}));
  EXPECT_TRUE(lab.admin.empty());
  EXPECT_EQ(index.doors_of(card(2)), nullptr);
  EXPECT_EQ(index.card_count(), 1u);
}

TEST(access_index, windows_contain_is_half_open) {
  const std::vector<window> ws = {{10, 20}, {30, 40}};
  EXPECT_FALSE(windows_contain(ws, 9));
  EXPECT_TRUE(windows_contain(ws, 10));
  EXPECT_TRUE(windows_contain(ws, 19));
  EXPECT_FALSE(windows_contain(ws, 20));
  EXPECT_FALSE(windows_contain(ws, 29));
  EXPECT_TRUE(windows_contain(ws, 30));
  EXPECT_FALSE(windows_contain(ws, 40));
  EXPECT_FALSE(windows_contain({}, 10));
}

TEST(access_index, knows_revoked_cards_without_entries) {
  const access_index index(protocol::access_list{{}, {card(7)}});
  EXPECT_TRUE(index.is_revoked(card(7)));
  EXPECT_FALSE(index.is_revoked(card(8)));
}

}  // namespace
}  // namespace hubgate::door
