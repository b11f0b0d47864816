#include "door_controller/decision/decide.hpp"

#include <gtest/gtest.h>

namespace hubgate::door {
namespace {

using protocol::grant_source;

protocol::pseudonym card(std::uint8_t n) {
  protocol::pseudonym p{};
  p[0] = n;
  return p;
}

constexpr std::int64_t issued = 1'800'000'000;
constexpr std::int64_t max_age = 3600;
constexpr std::int64_t from = issued + 100;
constexpr std::int64_t to = issued + 200;

const protocol::pseudonym member = card(1);    // booking window at the lab
const protocol::pseudonym staff = card(2);     // standing window at the lab
const protocol::pseudonym admin = card(3);     // admin window at the lab
const protocol::pseudonym revoked = card(4);   // has a window, but revoked
const protocol::pseudonym stranger = card(5);  // not on the list

access_index make_index() {
  return access_index(protocol::access_list{
      {{member, "lab", grant_source::booking, {{from, to}}},
       {staff, "lab", grant_source::standing, {{issued, issued + 10 * max_age}}},
       {admin, "lab", grant_source::admin, {{issued, issued + 10 * max_age}}},
       {revoked, "lab", grant_source::standing, {{issued, issued + 10 * max_age}}}},
      {revoked}});
}

list_freshness fresh(staleness_policy policy = staleness_policy::deny_all) {
  return {issued, max_age, policy};
}

class decide_test : public ::testing::Test {
 protected:
  access_index index_ = make_index();

  verdict at(const protocol::pseudonym& c, std::int64_t now, const list_freshness& f = fresh(),
             std::string_view door = "lab") {
    return decide(index_, c, door, now, f);
  }
};

TEST_F(decide_test, grants_inside_a_booking_window) {
  const auto v = at(member, from + 1);
  EXPECT_TRUE(v.granted);
  EXPECT_EQ(v.reason, deny_reason::none);
  EXPECT_EQ(v.source, grant_source::booking);
  EXPECT_EQ(to_string(v.reason), "granted");
}

TEST_F(decide_test, window_boundaries_are_half_open_to_the_second) {
  EXPECT_EQ(at(member, from - 1).reason, deny_reason::outside_window);
  EXPECT_TRUE(at(member, from).granted);
  EXPECT_TRUE(at(member, to - 1).granted);
  EXPECT_EQ(at(member, to).reason, deny_reason::outside_window);
}

TEST_F(decide_test, reports_each_deny_reason) {
  EXPECT_EQ(at(stranger, from).reason, deny_reason::unknown_card);
  EXPECT_EQ(at(member, from, fresh(), "entrance").reason, deny_reason::wrong_door);
  EXPECT_EQ(at(member, to + 5).reason, deny_reason::outside_window);
  EXPECT_EQ(at(revoked, from).reason, deny_reason::revoked);
  EXPECT_EQ(
      at(member, from, list_freshness{std::nullopt, max_age, staleness_policy::keep_cached}).reason,
      deny_reason::no_list);
  EXPECT_EQ(at(member, issued + max_age + 1).reason, deny_reason::list_stale);
}

TEST_F(decide_test, reason_strings_are_stable) {
  EXPECT_EQ(to_string(deny_reason::unknown_card), "unknown_card");
  EXPECT_EQ(to_string(deny_reason::revoked), "revoked");
  EXPECT_EQ(to_string(deny_reason::outside_window), "outside_window");
  EXPECT_EQ(to_string(deny_reason::wrong_door), "wrong_door");
  EXPECT_EQ(to_string(deny_reason::list_stale), "list_stale");
  EXPECT_EQ(to_string(deny_reason::no_list), "no_list");
  EXPECT_EQ(to_string(deny_reason::clock_untrusted), "clock_untrusted");
}

TEST_F(decide_test, revoked_beats_a_covering_window_under_every_policy) {
  for (auto p : {staleness_policy::deny_all, staleness_policy::standing_only,
                 staleness_policy::keep_cached}) {
    EXPECT_EQ(at(revoked, issued + 1, fresh(p)).reason, deny_reason::revoked);
    EXPECT_EQ(at(revoked, issued + max_age + 1, fresh(p)).reason, deny_reason::revoked);
  }
}

TEST_F(decide_test, standing_and_admin_grants_say_so) {
  EXPECT_EQ(at(staff, issued + 1).source, grant_source::standing);
  EXPECT_EQ(at(admin, issued + 1).source, grant_source::admin);
}

TEST_F(decide_test, deny_all_refuses_everyone_once_past_max_age) {
  // A list with a long booking window so that only staleness can deny.
  index_ = access_index(protocol::access_list{
      {{member, "lab", grant_source::booking, {{issued, issued + 10 * max_age}}},
       {staff, "lab", grant_source::standing, {{issued, issued + 10 * max_age}}}},
      {}});
  const auto f = fresh(staleness_policy::deny_all);
  EXPECT_TRUE(at(member, issued + max_age, f).granted) << "age == max_age is still fresh";
  EXPECT_TRUE(at(staff, issued + max_age, f).granted);
  EXPECT_EQ(at(member, issued + max_age + 1, f).reason, deny_reason::list_stale);
  EXPECT_EQ(at(staff, issued + max_age + 1, f).reason, deny_reason::list_stale);
  EXPECT_EQ(at(stranger, issued + max_age + 1, f).reason, deny_reason::list_stale);
}

TEST_F(decide_test, standing_only_keeps_standing_and_admin_grants) {
  index_ = access_index(protocol::access_list{
      {{member, "lab", grant_source::booking, {{issued, issued + 10 * max_age}}},
       {staff, "lab", grant_source::standing, {{issued, issued + 10 * max_age}}},
       {admin, "lab", grant_source::admin, {{issued, issued + 10 * max_age}}}},
      {}});
  const auto f = fresh(staleness_policy::standing_only);
  EXPECT_TRUE(at(member, issued + max_age, f).granted);
  EXPECT_EQ(at(member, issued + max_age + 1, f).reason, deny_reason::list_stale);
  EXPECT_TRUE(at(staff, issued + max_age + 1, f).granted);
  EXPECT_TRUE(at(admin, issued + max_age + 1, f).granted);
  EXPECT_EQ(at(stranger, issued + max_age + 1, f).reason, deny_reason::unknown_card);
  // Standing grants still follow their windows when stale.
  EXPECT_EQ(at(staff, issued + 10 * max_age, f).reason, deny_reason::outside_window);
}

TEST_F(decide_test, a_list_from_the_future_means_an_untrusted_clock_and_standing_grants_only) {
  // The board's clock was set back to inside the member's old booking, before the list's issue.
  const auto f = list_freshness{to + 1000, max_age, staleness_policy::keep_cached, 300};
  index_ = access_index(protocol::access_list{
      {{member, "lab", grant_source::booking, {{from, to}}},
       {staff, "lab", grant_source::standing, {{issued, issued + 10 * max_age}}},
       {admin, "lab", grant_source::admin, {{issued, issued + 10 * max_age}}}},
      {}});
  const auto booked = at(member, from + 1, f);
  EXPECT_FALSE(booked.granted);
  EXPECT_EQ(booked.reason, deny_reason::clock_untrusted);
  EXPECT_TRUE(booked.clock_untrusted);
  const auto standing = at(staff, from + 1, f);
  EXPECT_TRUE(standing.granted);
  EXPECT_EQ(standing.source, grant_source::standing);
  EXPECT_TRUE(standing.clock_untrusted);
  EXPECT_TRUE(at(admin, from + 1, f).granted);
  EXPECT_EQ(at(stranger, from + 1, f).reason, deny_reason::unknown_card);
}

TEST_F(decide_test, the_clock_is_trusted_within_the_skew) {
  const auto f = list_freshness{from + 300, max_age, staleness_policy::keep_cached, 300};
  EXPECT_FALSE(is_clock_untrusted(f, from));
  EXPECT_TRUE(is_clock_untrusted(f, from - 1));
  const auto v = at(member, from, f);
  EXPECT_TRUE(v.granted);
  EXPECT_FALSE(v.clock_untrusted);
  EXPECT_EQ(at(member, from - 1, f).reason, deny_reason::clock_untrusted);
}

TEST_F(decide_test, standing_grants_under_an_untrusted_clock_are_judged_at_the_issue_time) {
  // The standing window ended before the list was issued: the clock set back cannot reopen it.
  index_ = access_index(
      protocol::access_list{{{staff, "lab", grant_source::standing, {{from, to}}}}, {}});
  const auto f = list_freshness{to + 1000, max_age, staleness_policy::keep_cached, 300};
  EXPECT_EQ(at(staff, from + 1, f).reason, deny_reason::clock_untrusted);
}

TEST_F(decide_test, keep_cached_ignores_age) {
  index_ = access_index(protocol::access_list{
      {{member, "lab", grant_source::booking, {{issued, issued + 10 * max_age}}}}, {}});
  const auto f = fresh(staleness_policy::keep_cached);
  EXPECT_TRUE(at(member, issued + max_age + 1, f).granted);
  EXPECT_TRUE(at(member, issued + 10 * max_age - 1, f).granted);
  EXPECT_EQ(at(member, issued + 10 * max_age, f).reason, deny_reason::outside_window);
}

TEST(staleness, age_boundary_and_extreme_clocks) {
  const list_freshness f{100, 10, staleness_policy::deny_all};
  EXPECT_FALSE(is_stale(f, 110));
  EXPECT_TRUE(is_stale(f, 111));
  EXPECT_FALSE(is_stale(f, 50)) << "a list from the future (clock skew) is not stale";
  EXPECT_TRUE(is_stale({INT64_MIN, 10, staleness_policy::deny_all}, INT64_MAX));
  EXPECT_FALSE(is_stale({std::nullopt, 10, staleness_policy::deny_all}, 0));
}

TEST(staleness, policy_names_parse) {
  EXPECT_EQ(parse_staleness_policy("deny_all"), staleness_policy::deny_all);
  EXPECT_EQ(parse_staleness_policy("standing_only"), staleness_policy::standing_only);
  EXPECT_EQ(parse_staleness_policy("keep_cached"), staleness_policy::keep_cached);
  EXPECT_EQ(parse_staleness_policy("Deny_All"), std::nullopt);
  EXPECT_EQ(to_string(staleness_policy::standing_only), "standing_only");
}

}  // namespace
}  // namespace hubgate::door
