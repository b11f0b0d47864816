// PATCH /bookings/{id} against the real service over HTTPS: a change is rechecked and applied
// as a whole or not at all, only the owner or an admin may make it, and the calendar feed
// follows.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "api_service.hpp"
#include "hubgate/test/ical_reading.hpp"

namespace hubgate::test {
namespace {

class api_booking_edit : public ::testing::Test {
 protected:
  api_service svc;
  caller admin = svc.admin();
  test_hub hub = make_hub(svc, admin);
  caller member = svc.new_member(admin, "edit-member@hub.example");

  std::string book(const caller& who, const std::string& space, const std::string& start,
                   const std::string& end, int seats = 1) {
    auto r = svc.call("POST", "/api/v1/bookings", &who, booking_body(space, start, end, seats));
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.status == 201 ? std::string(r.json.at("id").as_string()) : "";
  }
  reply edit(const caller& who, const std::string& id, const boost::json::object& change) {
    return svc.call("PATCH", "/api/v1/bookings/" + id, &who, boost::json::serialize(change));
  }
  boost::json::value read(const std::string& id) {
    auto r = svc.call("GET", "/api/v1/bookings/" + id, &admin);
    EXPECT_EQ(r.status, 200) << r.raw.body;
    return r.json;
  }
};

TEST_F(api_booking_edit, the_owner_moves_a_booking_and_its_calendar_event_follows) {
  const auto id = book(member, hub.room_id, utc_at(2, 9), utc_at(2, 10));
  auto feed = svc.call("POST", "/api/v1/calendar/feed", &member, "{}");
  ASSERT_EQ(feed.status, 201) << feed.raw.body;
  const std::string path(feed.json.at("path").as_string());
  auto before = ical_event_block(svc.call("GET", path).raw.body, id + "@hubgate");
  ASSERT_FALSE(before.empty());

  auto moved =
      edit(member, id, {{"start", utc_at(2, 13)}, {"end", utc_at(2, 15)}, {"title", "Moved"}});
  ASSERT_EQ(moved.status, 200) << moved.raw.body;
  EXPECT_EQ(moved.json.at("id").as_string(), id);
  EXPECT_EQ(moved.json.at("title").as_string(), "Moved");
  EXPECT_EQ(moved.json.at("status").as_string(), "confirmed");
  EXPECT_EQ(read(id), moved.json);

  auto after = ical_event_block(svc.call("GET", path).raw.body, id + "@hubgate");
  ASSERT_FALSE(after.empty());
  EXPECT_NE(after, before);
  EXPECT_NE(after.find("\r\nSEQUENCE:1\r\n"), std::string::npos) << after;
  EXPECT_NE(after.find("\r\nSUMMARY:Moved\r\n"), std::string::npos) << after;
  // The old slot is free again, the new one is taken.
  EXPECT_EQ(svc.call("POST", "/api/v1/bookings", &admin,
                     booking_body(hub.room_id, utc_at(2, 9), utc_at(2, 10)))
                .status,
            201);
  auto clash = svc.call("POST", "/api/v1/bookings", &admin,
                        booking_body(hub.room_id, utc_at(2, 14), utc_at(2, 16)));
  EXPECT_EQ(clash.code(), "booking_conflict");
}

TEST_F(api_booking_edit, a_refused_change_leaves_the_booking_as_it_was) {
  const auto mine = book(member, hub.room_id, utc_at(3, 9), utc_at(3, 10));
  book(admin, hub.room_id, utc_at(3, 11), utc_at(3, 12));
  const auto original = read(mine);
  auto clash =
      edit(member, mine, {{"start", utc_at(3, 11)}, {"end", utc_at(3, 12)}, {"title", "x"}});
  EXPECT_EQ(clash.status, 409);
  EXPECT_EQ(clash.code(), "booking_conflict");
  auto seats = edit(member, mine, {{"seats", 7}});
  EXPECT_EQ(seats.code(), "seats_exceed_capacity");
  auto unknown = edit(member, mine, {{"space_id", "sp_none"}});
  EXPECT_EQ(unknown.code(), "validation_failed");
  auto bad = edit(member, mine, {{"end", "tomorrow"}, {"colour", "red"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.code(), "validation_failed");
  auto not_json = svc.call("PATCH", "/api/v1/bookings/" + mine, &member, "{\"end\":");
  EXPECT_EQ(not_json.status, 400) << not_json.raw.body;
  EXPECT_EQ(read(mine), original);
}

TEST_F(api_booking_edit, only_the_owner_or_an_admin_edits_and_closed_bookings_stay) {
  const auto id = book(member, hub.pool_id, utc_at(4, 9), utc_at(4, 10), 2);
  auto other = svc.new_member(admin, "someone-else@hub.example");
  EXPECT_EQ(edit(other, id, {{"title", "mine now"}}).status, 404);
  EXPECT_EQ(svc.call("PATCH", "/api/v1/bookings/" + id, nullptr, "{}").status, 401);
  auto by_admin = edit(admin, id, {{"space_id", hub.event_id}, {"seats", 3}});
  ASSERT_EQ(by_admin.status, 200) << by_admin.raw.body;
  EXPECT_EQ(by_admin.json.at("status").as_string(), "confirmed") << "an admin's edit keeps it";
  EXPECT_EQ(by_admin.json.at("user_id").as_string(), member.user_id);
  // The member moving it again in the approval space makes it wait for approval.
  auto by_member = edit(member, id, {{"end", utc_at(4, 11)}});
  ASSERT_EQ(by_member.status, 200) << by_member.raw.body;
  EXPECT_EQ(by_member.json.at("status").as_string(), "pending");
  ASSERT_EQ(svc.call("POST", "/api/v1/bookings/" + id + "/cancel", &member, "{}").status, 200);
  auto closed = edit(member, id, {{"title", "again"}});
  EXPECT_EQ(closed.status, 409);
  EXPECT_EQ(closed.code(), "booking_not_editable");
  EXPECT_EQ(edit(member, "bk_none", {{"title", "x"}}).status, 404);
}

TEST_F(api_booking_edit, a_checked_in_booking_changes_only_its_end_and_title) {
  const auto start = utc_in(300), end = utc_in(3900);
  const auto id = book(member, hub.room_id, start, end);
  ASSERT_EQ(svc.call("POST", "/api/v1/bookings/" + id + "/check-in", &member, "{}").status, 200);
  auto moved = edit(member, id, {{"start", utc_in(1800)}});
  EXPECT_EQ(moved.status, 409);
  EXPECT_EQ(moved.code(), "booking_started");
  EXPECT_EQ(edit(member, id, {{"seats", 2}}).code(), "booking_started");
  // The form may repeat the start it has.
  auto longer = edit(member, id, {{"start", start}, {"end", utc_in(7200)}, {"title", "Longer"}});
  ASSERT_EQ(longer.status, 200) << longer.raw.body;
  EXPECT_EQ(longer.json.at("status").as_string(), "checked_in");
  EXPECT_EQ(longer.json.at("title").as_string(), "Longer");
}

}  // namespace
}  // namespace hubgate::test
