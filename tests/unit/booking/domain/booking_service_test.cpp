#include "booking/domain/booking_service.hpp"

#include <vector>

#include "service_fixture.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;
using booking_service_test = service_fixture;

TEST_F(booking_service_test, wall_times_are_read_in_the_site_zone) {
  auto b = service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now);
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->start, utc(2027, 5, 3, 7));
  EXPECT_EQ(b->end, utc(2027, 5, 3, 8));
  EXPECT_EQ(b->status, booking_status::confirmed);
  EXPECT_EQ(b->user_id, "student");
  EXPECT_EQ(b->created_at, now);
}

TEST_F(booking_service_test, create_then_hands_the_same_outcomes_to_its_callback_once) {
  std::vector<outcome<booking>> got;
  auto keep = [&got](outcome<booking> r) { got.push_back(std::move(r)); };
  service.create_then(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now, keep);
  service.create_then(researcher, request("room", at(2027, 5, 3, 9, 30), at(2027, 5, 3, 11)), now,
                      keep);
  service.create_then(student, request("room", at(2027, 5, 3, 21), at(2027, 5, 3, 23)), now, keep);
  ASSERT_EQ(got.size(), 3u);
  ASSERT_TRUE(got[0]) << got[0].error().message;
  EXPECT_EQ(got[0]->start, utc(2027, 5, 3, 7));
  EXPECT_EQ(got[0]->status, booking_status::confirmed);
  EXPECT_TRUE(got[1].error().is(errc::booking_conflict));       // refused by the store
  EXPECT_TRUE(got[2].error().is(errc::outside_opening_hours));  // refused before it
}

TEST_F(booking_service_test, space_needing_approval_starts_pending) {
  auto b = service.create(student, request("event", at(2027, 5, 3, 9), at(2027, 5, 3, 12)), now);
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->status, booking_status::pending);
  auto approved = service.approve(admin, b->id, now);
  ASSERT_TRUE(approved);
  EXPECT_EQ(approved->status, booking_status::confirmed);
  EXPECT_TRUE(service.approve(student, b->id, now).error().is(errc::forbidden));
}

TEST_F(booking_service_test, dst_gap_and_overlap_on_sundays) {
  auto gap =
      service.create(student, request("room", at(2027, 3, 28, 2, 30), at(2027, 3, 28, 4)), now);
  ASSERT_FALSE(gap);
  EXPECT_TRUE(gap.error().is(errc::nonexistent_local_time));
  EXPECT_EQ(gap.error().fields.at(0).field, "start");

  auto overlap = service.create(
      student, request("room", at(2027, 10, 31, 1, 30), at(2027, 10, 31, 2, 30)), now);
  ASSERT_FALSE(overlap);
  EXPECT_TRUE(overlap.error().is(errc::ambiguous_local_time));
  EXPECT_EQ(overlap.error().fields.at(0).field, "end");

  auto req = request("room", at(2027, 10, 31, 1, 30), at(2027, 10, 31, 2, 30));
  req.end.utc_offset = 60min;  // the second 02:30, after the clocks went back
  auto ok = service.create(student, req, now);
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_EQ(ok->end - ok->start, 2h);
}

TEST_F(booking_service_test, closed_hours_are_refused) {
  auto r = service.create(student, request("room", at(2027, 5, 3, 21), at(2027, 5, 3, 23)), now);
  EXPECT_TRUE(r.error().is(errc::outside_opening_hours));
}

TEST_F(booking_service_test, overlapping_booking_conflicts) {
  ASSERT_TRUE(service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now));
  auto r =
      service.create(researcher, request("room", at(2027, 5, 3, 9, 30), at(2027, 5, 3, 11)), now);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::booking_conflict));
}

TEST_F(booking_service_test, members_book_only_for_themselves) {
  auto req = request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  req.user_id = "researcher";
  EXPECT_TRUE(service.create(student, req, now).error().is(errc::forbidden));
  auto b = service.create(admin, req, now);
  ASSERT_TRUE(b);
  EXPECT_EQ(b->user_id, "researcher");
}

TEST_F(booking_service_test, group_policies_apply) {
  EXPECT_TRUE(service.create(student, request("lab", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now)
                  .error()
                  .is(errc::kind_not_allowed));
  catalog.groups["students"].policy.bookable_kinds.push_back(space_kind::lab);
  EXPECT_TRUE(service.create(student, request("lab", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now)
                  .error()
                  .is(errc::space_not_allowed));
  EXPECT_TRUE(
      service.create(researcher, request("lab", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now));
}

TEST_F(booking_service_test, weekly_quota_is_enforced) {
  ASSERT_TRUE(service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 12)), now));
  auto r = service.create(student, request("pool", at(2027, 5, 4, 9), at(2027, 5, 4, 10, 30)), now);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::quota_exceeded));
  EXPECT_TRUE(service.create(student, request("pool", at(2027, 5, 4, 9), at(2027, 5, 4, 10)), now));
}

TEST_F(booking_service_test, rules_of_the_space_apply) {
  catalog.spaces["room"].rules.min_duration = 1h;
  catalog.spaces["room"].rules.lead_time = 24h;
  EXPECT_TRUE(
      service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 9, 30)), now)
          .error()
          .is(errc::too_short));
  EXPECT_TRUE(service.create(student, request("room", at(2027, 3, 1, 12), at(2027, 3, 1, 13)), now)
                  .error()
                  .is(errc::too_soon));
  EXPECT_TRUE(service.create(student, request("room", at(2028, 5, 3, 9), at(2028, 5, 3, 10)), now)
                  .error()
                  .is(errc::too_far_ahead));
  EXPECT_TRUE(
      service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10), 7), now)
          .error()
          .is(errc::seats_exceed_capacity));
}

TEST_F(booking_service_test, members_see_only_their_own_bookings) {
  auto mine = service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now);
  auto theirs =
      service.create(researcher, request("room", at(2027, 5, 3, 11), at(2027, 5, 3, 12)), now);
  ASSERT_TRUE(mine && theirs);
  auto list = service.list(student, {});
  ASSERT_TRUE(list);
  ASSERT_EQ(list->size(), 1u);
  EXPECT_EQ(list->front().id, mine->id);
  EXPECT_TRUE(service.get(student, theirs->id).error().is(errc::not_found));
  booking_query q;
  q.user_id = "researcher";
  EXPECT_TRUE(service.list(student, q).error().is(errc::forbidden));
  auto all = service.list(admin, {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->size(), 2u);
  EXPECT_EQ(service.list(admin, q)->size(), 1u);
}

TEST_F(booking_service_test, cancel_then_check_in_is_invalid) {
  auto b = service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now);
  ASSERT_TRUE(b);
  EXPECT_TRUE(service.check_in(student, b->id, now).error().is(errc::check_in_not_open));
  auto in = service.check_in(student, b->id, b->start - 10min);
  ASSERT_TRUE(in);
  EXPECT_EQ(in->status, booking_status::checked_in);
  EXPECT_EQ(in->checked_in_at, b->start - 10min);
  EXPECT_TRUE(service.cancel(researcher, b->id, now).error().is(errc::not_found));
  EXPECT_EQ(service.cancel(student, b->id, b->start)->status, booking_status::cancelled);
  EXPECT_TRUE(service.cancel(student, b->id, b->start).error().is(errc::invalid_transition));
}

TEST_F(booking_service_test, act_then_applies_the_same_rules_as_the_waiting_actions) {
  auto b = service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now);
  ASSERT_TRUE(b);
  std::vector<outcome<booking>> got;
  auto keep = [&got](outcome<booking> r) { got.push_back(std::move(r)); };
  service.act_then(student, b->id, booking_action::check_in, now, keep);
  service.act_then(student, b->id, booking_action::check_in, b->start - 10min, keep);
  service.act_then(researcher, b->id, booking_action::cancel, now, keep);
  service.act_then(student, b->id, booking_action::approve, now, keep);
  service.act_then(student, b->id, booking_action::cancel, b->start, keep);
  service.act_then(student, "bk_none", booking_action::cancel, now, keep);
  ASSERT_EQ(got.size(), 6u);
  EXPECT_TRUE(got[0].error().is(errc::check_in_not_open));
  ASSERT_TRUE(got[1]);
  EXPECT_EQ(got[1]->status, booking_status::checked_in);
  EXPECT_EQ(got[1]->checked_in_at, b->start - 10min);
  EXPECT_TRUE(got[2].error().is(errc::not_found));  // someone else's booking
  EXPECT_TRUE(got[3].error().is(errc::forbidden));  // approving is for admins
  ASSERT_TRUE(got[4]);
  EXPECT_EQ(got[4]->status, booking_status::cancelled);
  EXPECT_TRUE(got[5].error().is(errc::not_found));
}

TEST_F(booking_service_test, no_shows_are_released_and_free_their_seats) {
  catalog.spaces["pool"].check_in_required = true;
  auto a = service.create(student, request("pool", at(2027, 5, 3, 9), at(2027, 5, 3, 10), 2), now);
  auto b = service.create(admin, request("pool", at(2027, 5, 3, 9), at(2027, 5, 3, 10), 1), now);
  ASSERT_TRUE(a && b);
  ASSERT_TRUE(service.check_in(admin, b->id, b->start));
  EXPECT_TRUE(service.release_no_shows(a->start + 14min)->empty());
  auto released = service.release_no_shows(a->start + 15min);
  ASSERT_TRUE(released);
  ASSERT_EQ(released->size(), 1u);
  EXPECT_EQ(released->front().id, a->id);
  EXPECT_EQ(released->front().status, booking_status::released);
  // Its two seats are free again.
  EXPECT_TRUE(service.create(
      researcher, request("pool", at(2027, 5, 3, 9, 30), at(2027, 5, 3, 10), 2), a->start + 15min));
  auto done = service.complete_ended(a->end);
  ASSERT_TRUE(done);
  EXPECT_EQ(done->size(), 2u);
}

TEST_F(booking_service_test, availability_lists_spaces_free_for_the_whole_interval) {
  ASSERT_TRUE(
      service.create(researcher, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now));
  ASSERT_TRUE(
      service.create(researcher, request("pool", at(2027, 5, 3, 9), at(2027, 5, 3, 10), 2), now));
  availability_query q;
  q.from = at(2027, 5, 3, 9, 30);
  q.to = at(2027, 5, 3, 11);
  auto free = service.availability(student, q, now);
  ASSERT_TRUE(free);
  std::map<std::string, int> seats;
  for (const auto& f : *free) seats[f.room->id] = f.free_seats;
  EXPECT_EQ(seats,
            (std::map<std::string, int>{{"event", 120}, {"pool", 1}}));  // no lab: not allowed
  q.seats = 2;
  q.kind = space_kind::desk;
  EXPECT_TRUE(service.availability(student, q, now)->empty());
}

TEST_F(booking_service_test, free_seats_over_time_are_zero_while_closed) {
  ASSERT_TRUE(
      service.create(researcher, request("pool", at(2027, 5, 3, 9), at(2027, 5, 3, 10), 2), now));
  auto segs = service.space_free_segments(student, "pool", at(2027, 5, 3, 6), at(2027, 5, 3, 12));
  ASSERT_TRUE(segs);
  std::vector<free_segment> want{{utc(2027, 5, 3, 4), utc(2027, 5, 3, 5), 0},
                                 {utc(2027, 5, 3, 5), utc(2027, 5, 3, 7), 3},
                                 {utc(2027, 5, 3, 7), utc(2027, 5, 3, 8), 1},
                                 {utc(2027, 5, 3, 8), utc(2027, 5, 3, 10), 3}};
  EXPECT_EQ(*segs, want);
}

}  // namespace
}  // namespace hubgate::domain
