// The pure half of the stream: lists and card index from a snapshot, with `now` handed in.
#include "booking/access/hub_access.hpp"

#include "sample_hub.hpp"

namespace hubgate::access::test {
namespace {

TEST(hub_access, gives_the_derived_lists_and_every_card_by_its_site_pseudonym) {
  const auto state = sample_hub();
  const auto now = utc(2027, 3, 1, 9);
  auto access = derive_hub_access(state, {}, now);
  ASSERT_TRUE(access) << access.error().message();
  EXPECT_EQ(access->lists, derive_ok(state, now));
  const auto& site = access->cards.at("s1");
  EXPECT_EQ(site.size(), state.credentials.size());
  ASSERT_TRUE(site.contains(card(state, member_card)));
  EXPECT_EQ(site.at(card(state, member_card)).user_id, "u-member");
  EXPECT_EQ(site.at(card(state, admin_card)).id, "c-admin");
}

TEST(hub_access, the_same_snapshot_and_now_give_the_same_lists) {
  const auto state = sample_hub();
  const auto now = utc(2027, 3, 1, 9, 30);
  auto a = derive_hub_access(state, {}, now);
  auto b = derive_hub_access(state, {}, now);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->lists, b->lists);
}

TEST(hub_access, reads_only_bookings_that_can_open_a_door_within_the_horizon) {
  derivation_options opt;
  const auto now = utc(2027, 3, 1, 9);
  const auto f = bookings_that_open_doors(opt, now);
  EXPECT_EQ(f.from, now - opt.late_grace);
  EXPECT_EQ(f.to, now + opt.horizon + opt.horizon_step + opt.early_grace);
  EXPECT_EQ(f.statuses,
            (std::vector{domain::booking_status::confirmed, domain::booking_status::checked_in}));
}

TEST(hub_access, a_hub_without_doors_on_controllers_has_nothing_to_serve) {
  auto state = sample_hub();
  EXPECT_TRUE(any_door_on_a_controller(state.doors));
  for (auto& d : state.doors) d.controller_id.reset();
  EXPECT_FALSE(any_door_on_a_controller(state.doors));
}

}  // namespace
}  // namespace hubgate::access::test
