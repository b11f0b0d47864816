#include <gtest/gtest.h>

#include "booking/domain/booking_service.hpp"
#include "service_fixture.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;

class booking_edit_test : public service_fixture {
 protected:
  booking book(const actor& who, std::string space, time_input from, time_input to, int seats = 1) {
    auto b = service.create(who, request(std::move(space), from, to, seats), now);
    EXPECT_TRUE(b) << b.error().message;
    return b ? *b : booking{};
  }
  static booking_edit times(time_input from, time_input to) {
    booking_edit e;
    e.start = from;
    e.end = to;
    return e;
  }
};

TEST_F(booking_edit_test, moves_a_booking_and_keeps_its_id_status_and_creation) {
  auto b = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  auto moved = service.edit(student, b.id, times(at(2027, 5, 3, 11), at(2027, 5, 3, 12)), now);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->id, b.id);
  EXPECT_EQ(moved->start, utc(2027, 5, 3, 9));
  EXPECT_EQ(moved->end, utc(2027, 5, 3, 10));
  EXPECT_EQ(moved->status, booking_status::confirmed);
  EXPECT_EQ(moved->created_at, b.created_at);
  EXPECT_EQ(moved->title, b.title);
  EXPECT_EQ(*service.get(student, b.id), *moved);
}

TEST_F(booking_edit_test, a_refused_edit_leaves_the_booking_as_it_was) {
  auto mine = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  book(researcher, "room", at(2027, 5, 3, 11), at(2027, 5, 3, 12));
  auto r = service.edit(student, mine.id, times(at(2027, 5, 3, 11), at(2027, 5, 3, 12)), now);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::booking_conflict));
  EXPECT_EQ(*service.get(student, mine.id), mine);
  EXPECT_TRUE(service.edit(student, mine.id, times(at(2027, 5, 3, 21), at(2027, 5, 3, 23)), now)
                  .error()
                  .is(errc::outside_opening_hours));
  booking_edit to_lab;
  to_lab.space_id = "lab";
  EXPECT_TRUE(service.edit(student, mine.id, to_lab, now).error().is(errc::kind_not_allowed));
  booking_edit too_many;
  too_many.seats = 7;
  EXPECT_TRUE(
      service.edit(student, mine.id, too_many, now).error().is(errc::seats_exceed_capacity));
  EXPECT_EQ(*service.get(student, mine.id), mine);
}

TEST_F(booking_edit_test, the_booking_does_not_count_against_itself) {
  auto b = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  EXPECT_TRUE(service.edit(student, b.id, times(at(2027, 5, 3, 9, 30), at(2027, 5, 3, 11)), now));
  auto desk = book(researcher, "pool", at(2027, 5, 4, 9), at(2027, 5, 4, 10), 2);
  booking_edit all_seats;
  all_seats.seats = 3;
  auto grown = service.edit(researcher, desk.id, all_seats, now);
  ASSERT_TRUE(grown) << grown.error().message;
  EXPECT_EQ(grown->seats, 3);
  EXPECT_TRUE(service.create(admin, request("pool", at(2027, 5, 4, 9), at(2027, 5, 4, 10)), now)
                  .error()
                  .is(errc::booking_conflict));
}

TEST_F(booking_edit_test, the_weekly_quota_counts_the_edited_booking_once) {
  auto b = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 12));
  EXPECT_TRUE(service.edit(student, b.id, times(at(2027, 5, 3, 9), at(2027, 5, 3, 13)), now));
  EXPECT_TRUE(service.edit(student, b.id, times(at(2027, 5, 3, 9), at(2027, 5, 3, 14)), now)
                  .error()
                  .is(errc::quota_exceeded));
}

TEST_F(booking_edit_test, only_the_owner_and_admins_edit) {
  auto b = book(student, "event", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  ASSERT_TRUE(service.approve(admin, b.id, now));
  booking_edit retitle;
  retitle.title = "Hackathon";
  EXPECT_TRUE(service.edit(researcher, b.id, retitle, now).error().is(errc::not_found));
  EXPECT_TRUE(service.edit(student, "bk-none", retitle, now).error().is(errc::not_found));
  auto by_admin = service.edit(admin, b.id, times(at(2027, 5, 3, 10), at(2027, 5, 3, 12)), now);
  ASSERT_TRUE(by_admin) << by_admin.error().message;
  EXPECT_EQ(by_admin->user_id, "student");
  EXPECT_EQ(by_admin->status, booking_status::confirmed);  // an admin's edit keeps it
}

TEST_F(booking_edit_test, a_members_new_time_in_an_approval_space_needs_approval_again) {
  auto b = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  booking_edit to_event;
  to_event.space_id = "event";
  auto moved = service.edit(student, b.id, to_event, now);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->status, booking_status::pending);
  booking_edit retitle;
  retitle.title = "Pitch night";
  ASSERT_TRUE(service.approve(admin, b.id, now));
  auto renamed = service.edit(student, b.id, retitle, now);
  ASSERT_TRUE(renamed);
  EXPECT_EQ(renamed->status, booking_status::confirmed);  // a title changes no approval
  booking_edit back;
  back.space_id = "room";
  ASSERT_TRUE(service.edit(student, b.id, to_event, now));
  EXPECT_EQ(service.edit(student, b.id, back, now)->status, booking_status::confirmed);
}

TEST_F(booking_edit_test, past_and_closed_bookings_cannot_be_edited) {
  auto b = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 10));
  booking_edit retitle;
  retitle.title = "Later";
  EXPECT_TRUE(service.edit(student, b.id, retitle, utc(2027, 5, 3, 9))
                  .error()
                  .is(errc::booking_not_editable));
  ASSERT_TRUE(service.cancel(student, b.id, now));
  EXPECT_TRUE(service.edit(student, b.id, retitle, now).error().is(errc::booking_not_editable));
}

TEST_F(booking_edit_test, a_begun_booking_changes_only_its_end_and_title) {
  auto b = book(student, "room", at(2027, 5, 3, 9), at(2027, 5, 3, 11));
  const auto during = utc(2027, 5, 3, 8);  // 10:00 in Berlin
  auto longer = service.edit(student, b.id, times(at(2027, 5, 3, 9), at(2027, 5, 3, 12)), during);
  ASSERT_TRUE(longer) << longer.error().message;
  EXPECT_EQ(longer->end, utc(2027, 5, 3, 10));
  EXPECT_TRUE(service.edit(student, b.id, times(at(2027, 5, 3, 10), at(2027, 5, 3, 12)), during)
                  .error()
                  .is(errc::booking_started));
  booking_edit seats;
  seats.seats = 2;
  EXPECT_TRUE(service.edit(student, b.id, seats, during).error().is(errc::booking_started));
  booking_edit elsewhere;
  elsewhere.space_id = "pool";
  EXPECT_TRUE(service.edit(student, b.id, elsewhere, during).error().is(errc::booking_started));
  booking_edit ended;
  ended.end = at(2027, 5, 3, 9, 30);
  EXPECT_TRUE(service.edit(student, b.id, ended, during).error().is(errc::in_the_past));
}

TEST_F(booking_edit_test, a_kept_start_is_not_held_to_lead_time_again) {
  auto b = book(student, "room", at(2027, 3, 1, 12), at(2027, 3, 1, 13));
  catalog.spaces["room"].rules.lead_time = 24h;
  booking_edit longer;
  longer.end = at(2027, 3, 1, 14);
  EXPECT_TRUE(service.edit(student, b.id, longer, now));
  EXPECT_TRUE(service.edit(student, b.id, times(at(2027, 3, 1, 15), at(2027, 3, 1, 16)), now)
                  .error()
                  .is(errc::too_soon));
}

}  // namespace
}  // namespace hubgate::domain
