// diff_access_lists: apply_delta(before, diff(before, after)) holds what `after` holds, on
// randomised lists; deltas are minimal and empty when nothing changed.
#include "booking/access/list_diff.hpp"

#include <gtest/gtest.h>

#include <random>

namespace hubgate::access {
namespace {

using protocol::access_entry;
using protocol::access_list;
using protocol::grant_source;
using protocol::pseudonym;

pseudonym random_card(std::mt19937& rng, int pool) {
  pseudonym p{};
  p[0] = static_cast<std::uint8_t>(std::uniform_int_distribution<int>(0, pool - 1)(rng));
  p[15] = 0x5a;
  return p;
}

// Keys are drawn from small pools, so two random lists share many keys with some windows equal.
access_list random_list(std::mt19937& rng) {
  access_list l;
  std::uniform_int_distribution<int> count(0, 40), small(0, 3), windows(1, 3);
  const int n = count(rng);
  for (int i = 0; i < n; ++i) {
    access_entry e{random_card(rng, 8),
                   "door-" + std::to_string(small(rng)),
                   static_cast<grant_source>(small(rng) % 3),
                   {}};
    std::int64_t t = 1'800'000'000 + small(rng) * 3600;
    for (int w = windows(rng); w > 0; --w, t += 7200) e.windows.push_back({t, t + 1800});
    auto same_key = [&](const access_entry& o) {
      return o.card == e.card && o.door_id == e.door_id && o.source == e.source;
    };
    if (std::none_of(l.entries.begin(), l.entries.end(), same_key)) l.entries.push_back(e);
  }
  for (int i = count(rng) % 6; i > 0; --i) l.revoked.push_back(random_card(rng, 12));
  for (int d = 0; d < 4; ++d)
    if (small(rng) != 0)
      l.doors.push_back({"door-" + std::to_string(d), 1000 * small(rng) + 100, 30000});
  sort_canonically(l);
  return l;
}

TEST(list_diff, apply_of_diff_gives_after_on_random_lists) {
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    auto before = random_list(rng);
    auto after = random_list(rng);
    auto delta = diff_access_lists(before, after);
    auto applied = before;
    protocol::apply_delta(applied, delta);
    ASSERT_TRUE(same_contents(applied, after)) << "round " << round;
    sort_canonically(applied);
    ASSERT_EQ(applied, after) << "round " << round;
    EXPECT_EQ(empty(delta), before == after);
  }
}

TEST(list_diff, unchanged_entries_are_not_resent) {
  access_list before;
  pseudonym a{1}, b{2}, c{3};
  before.entries = {{a, "d", grant_source::booking, {{10, 20}}},
                    {b, "d", grant_source::booking, {{10, 20}}},
                    {b, "d", grant_source::standing, {{30, 40}}}};
  before.revoked = {c};
  auto after = before;
  after.entries[1].windows = {{10, 25}};
  after.entries.erase(after.entries.begin() + 2);
  after.entries.push_back({c, "e", grant_source::admin, {{0, 100}}});
  after.revoked = {a};

  auto delta = diff_access_lists(before, after);
  ASSERT_EQ(delta.upserts.size(), 2u);
  EXPECT_EQ(delta.upserts[0], after.entries[1]);
  EXPECT_EQ(delta.upserts[1], after.entries[2]);
  ASSERT_EQ(delta.removals.size(), 1u);
  EXPECT_EQ(delta.removals[0], (protocol::entry_key{b, "d", grant_source::standing}));
  EXPECT_EQ(delta.revoked_added, std::vector<pseudonym>{a});
  EXPECT_EQ(delta.revoked_removed, std::vector<pseudonym>{c});
}

TEST(list_diff, a_changed_unlock_time_is_sent_as_the_door_settings_alone) {
  access_list before;
  before.entries = {{pseudonym{1}, "d", grant_source::booking, {{10, 20}}}};
  before.doors = {{"d", 5000, 30000}, {"e", 5000, 30000}};
  auto after = before;
  after.doors[1].unlock_ms = 1500;
  auto delta = diff_access_lists(before, after);
  EXPECT_FALSE(empty(delta));
  EXPECT_TRUE(delta.upserts.empty());
  EXPECT_TRUE(delta.removals.empty());
  EXPECT_EQ(delta.doors, after.doors);
  EXPECT_FALSE(diff_access_lists(before, before).doors.has_value());
}

TEST(list_diff, identical_lists_give_an_empty_delta) {
  std::mt19937 rng(3);
  auto l = random_list(rng);
  EXPECT_TRUE(empty(diff_access_lists(l, l)));
  EXPECT_TRUE(empty(protocol::access_list_delta{}));
  protocol::access_list_delta d;
  d.revoked_removed.push_back({});
  EXPECT_FALSE(empty(d));
}

TEST(list_diff, diff_all_covers_new_and_vanished_boards) {
  access_list one;
  one.entries = {{pseudonym{1}, "d", grant_source::admin, {{0, 10}}}};
  access_lists before{{"kept", one}, {"gone", one}, {"quiet", access_list{}}};
  access_lists after{{"kept", one}, {"new", one}, {"quiet", access_list{}}};
  auto deltas = diff_all(before, after);
  ASSERT_EQ(deltas.size(), 2u);
  EXPECT_EQ(deltas.at("new").upserts, one.entries);
  ASSERT_EQ(deltas.at("gone").removals.size(), 1u);
  EXPECT_EQ(affected_controllers(before, after), (std::vector<std::string>{"gone", "new"}));
}

}  // namespace
}  // namespace hubgate::access
