// The calendar feed end to end: a member creates a feed, a calendar client fetches it
// anonymously by its secret URL, polls by ETag, sees cancellations, and loses access on
// rotation or revocation.
#include <date/tz.h>
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "api_service.hpp"
#include "hubgate/test/ical_reading.hpp"

namespace hubgate::test {
namespace {

std::string property(const std::string& block, const std::string& name) {
  auto at = block.find("\r\n" + name + ":");
  if (at == std::string::npos) return {};
  at += name.size() + 3;
  return block.substr(at, block.find("\r\n", at) - at);
}

class calendar_feed : public ::testing::Test {
 protected:
  api_service svc;
  caller admin = svc.admin();
  test_hub hub = make_hub(svc, admin);
  caller member = svc.new_member(admin, "feed-member@hub.example");

  std::string book(const std::string& start, const std::string& end) {
    auto r = svc.call("POST", "/api/v1/bookings", &member, booking_body(hub.room_id, start, end));
    EXPECT_EQ(r.status, 201) << r.raw.body;
    return r.status == 201 ? std::string(r.json.at("id").as_string()) : "";
  }

  // POST /calendar/feed; returns the feed's path (with the token).
  std::string create_feed() {
    auto r = svc.call("POST", "/api/v1/calendar/feed", &member, "{}");
    EXPECT_EQ(r.status, 201) << r.raw.body;
    if (r.status != 201) return {};
    EXPECT_TRUE(r.json.at("exists").as_bool());
    auto path = std::string(r.json.at("path").as_string());
    auto url = std::string(r.json.at("url").as_string());
    auto webcal = std::string(r.json.at("webcal_url").as_string());
    EXPECT_TRUE(url.starts_with("https://") && url.ends_with(path)) << url;
    EXPECT_TRUE(webcal.starts_with("webcal://") && webcal.ends_with(path)) << webcal;
    EXPECT_TRUE(path.starts_with("/api/v1/calendar/") && path.ends_with(".ics")) << path;
    return path;
  }
};

TEST_F(calendar_feed, token_gives_an_icalendar_feed_of_the_members_bookings) {
  auto status = svc.call("GET", "/api/v1/calendar/feed", &member);
  ASSERT_EQ(status.status, 200) << status.raw.body;
  EXPECT_FALSE(status.json.at("exists").as_bool());

  const auto id = book(utc_at(2, 9), utc_at(2, 11));
  const auto path = create_feed();
  EXPECT_TRUE(svc.call("GET", "/api/v1/calendar/feed", &member).json.at("exists").as_bool());

  auto feed = svc.call("GET", path);  // anonymous: the token is the credential
  ASSERT_EQ(feed.status, 200) << feed.raw.body;
  EXPECT_EQ(feed.header("content-type"), "text/calendar; charset=utf-8");
  EXPECT_FALSE(feed.header("etag").empty());
  EXPECT_TRUE(feed.raw.body.starts_with("BEGIN:VCALENDAR\r\n"));
  EXPECT_NE(feed.raw.body.find("\r\nMETHOD:PUBLISH\r\n"), std::string::npos);
  EXPECT_NE(feed.raw.body.find("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n"), std::string::npos);
  auto event = ical_event_block(feed.raw.body, id + "@hubgate");
  ASSERT_FALSE(event.empty()) << feed.raw.body;
  EXPECT_EQ(property(event, "STATUS"), "CONFIRMED");
  EXPECT_EQ(property(event, "SUMMARY"), "test");
  EXPECT_EQ(property(event, "LOCATION"), "Room\\, Test site");

  // Another member's bookings never appear.
  auto other = svc.new_member(admin, "other-member@hub.example");
  auto theirs = svc.call("POST", "/api/v1/bookings", &other,
                         booking_body(hub.room_id, utc_at(3, 9), utc_at(3, 11)));
  ASSERT_EQ(theirs.status, 201) << theirs.raw.body;
  auto again = svc.call("GET", path);
  EXPECT_EQ(
      ical_event_block(again.raw.body, std::string(theirs.json.at("id").as_string()) + "@hubgate"),
      "");
}

TEST_F(calendar_feed, unchanged_feed_answers_304_to_its_etag) {
  book(utc_at(2, 9), utc_at(2, 11));
  const auto path = create_feed();
  auto first = svc.call("GET", path);
  ASSERT_EQ(first.status, 200);
  const auto etag = first.header("etag");
  auto second = svc.call("GET", path, nullptr, {}, {{"if-none-match", etag}});
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.raw.body.empty());
  EXPECT_EQ(second.header("etag"), etag);
  // A change makes a new ETag and a full answer.
  book(utc_at(4, 9), utc_at(4, 11));
  auto third = svc.call("GET", path, nullptr, {}, {{"if-none-match", etag}});
  EXPECT_EQ(third.status, 200);
  EXPECT_NE(third.header("etag"), etag);
}

TEST_F(calendar_feed, cancellation_appears_as_cancelled_with_a_higher_sequence) {
  const auto id = book(utc_at(2, 9), utc_at(2, 11));
  const auto path = create_feed();
  auto before = ical_event_block(svc.call("GET", path).raw.body, id + "@hubgate");
  ASSERT_FALSE(before.empty());
  EXPECT_EQ(property(before, "STATUS"), "CONFIRMED");
  const int seq_before = std::stoi(property(before, "SEQUENCE"));

  auto cancel = svc.call("POST", "/api/v1/bookings/" + id + "/cancel", &member, "{}");
  ASSERT_EQ(cancel.status, 200) << cancel.raw.body;
  auto after = ical_event_block(svc.call("GET", path).raw.body, id + "@hubgate");
  ASSERT_FALSE(after.empty()) << "a cancelled booking stays in the feed so clients remove it";
  EXPECT_EQ(property(after, "STATUS"), "CANCELLED");
  EXPECT_GT(std::stoi(property(after, "SEQUENCE")), seq_before);
  EXPECT_GE(property(after, "LAST-MODIFIED"), property(before, "LAST-MODIFIED"));
}

TEST_F(calendar_feed, rotated_and_revoked_tokens_are_404) {
  const auto first = create_feed();
  ASSERT_EQ(svc.call("GET", first).status, 200);
  const auto second = create_feed();
  ASSERT_NE(first, second);
  EXPECT_EQ(svc.call("GET", first).status, 404);
  EXPECT_EQ(svc.call("GET", second).status, 200);

  auto revoke = svc.call("DELETE", "/api/v1/calendar/feed", &member);
  EXPECT_EQ(revoke.status, 204) << revoke.raw.body;
  auto gone = svc.call("GET", second);
  EXPECT_EQ(gone.status, 404);
  EXPECT_EQ(gone.code(), "not_found");
  EXPECT_EQ(svc.call("DELETE", "/api/v1/calendar/feed", &member).status, 404);
  EXPECT_FALSE(svc.call("GET", "/api/v1/calendar/feed", &member).json.at("exists").as_bool());

  // Guessing is no use, and management needs a session.
  EXPECT_EQ(svc.call("GET", "/api/v1/calendar/not-a-token.ics").status, 404);
  EXPECT_EQ(svc.call("GET", "/api/v1/calendar/" + std::string(43, 'A') + ".ics").status, 404);
  EXPECT_EQ(svc.call("POST", "/api/v1/calendar/feed", nullptr, "{}").status, 401);
}

TEST_F(calendar_feed, booking_after_the_next_dst_change_has_its_local_wall_time) {
  // The next change of Europe/Berlin's offset after tomorrow, and that local day.
  const auto* berlin = date::locate_zone("Europe/Berlin");
  const auto tomorrow = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) +
                        std::chrono::hours{48};
  const auto change = berlin->get_info(tomorrow).end;
  const auto day = date::floor<date::days>(berlin->to_local(change));
  const auto ymd = date::year_month_day{day};
  // A space that may be booked far enough ahead.
  auto space =
      svc.call("POST", "/api/v1/spaces", &admin,
               boost::json::serialize(boost::json::object{{"site_id", hub.site_id},
                                                          {"name", "Far room"},
                                                          {"kind", "room"},
                                                          {"capacity", 4},
                                                          {"mode", "exclusive"},
                                                          {"rules", {{"max_days_ahead", 400}}}}));
  ASSERT_EQ(space.status, 201) << space.raw.body;
  const auto wall = date::format("%F", ymd);
  auto r = svc.call("POST", "/api/v1/bookings", &member,
                    booking_body(std::string(space.json.at("id").as_string()), wall + "T10:00:00",
                                 wall + "T12:00:00"));
  ASSERT_EQ(r.status, 201) << r.raw.body;
  const auto id = std::string(r.json.at("id").as_string());
  // The service stored the right instant: 10:00 local in the offset after the change.
  const auto expected_utc = berlin->to_sys(date::local_seconds{day} + std::chrono::hours{10});
  EXPECT_EQ(std::string(r.json.at("start").as_string()), date::format("%FT%TZ", expected_utc));

  auto feed = svc.call("GET", create_feed());
  auto event = ical_event_block(feed.raw.body, id + "@hubgate");
  ASSERT_FALSE(event.empty()) << feed.raw.body;
  const auto compact = date::format("%Y%m%d", ymd);
  EXPECT_NE(event.find("DTSTART;TZID=Europe/Berlin:" + compact + "T100000\r\n"), std::string::npos)
      << event;
  EXPECT_NE(event.find("DTEND;TZID=Europe/Berlin:" + compact + "T120000\r\n"), std::string::npos)
      << event;
  // The VTIMEZONE names that change, so a client resolves the wall time to the same instant.
  const auto before = berlin->get_info(change - std::chrono::seconds{1});
  const auto onset = date::format("%Y%m%dT%H%M%S",
                                  date::local_seconds{(change + before.offset).time_since_epoch()});
  EXPECT_NE(feed.raw.body.find("DTSTART:" + onset + "\r\n"), std::string::npos) << feed.raw.body;
}

TEST_F(calendar_feed, routes_are_in_the_openapi_description) {
  auto doc = svc.call("GET", "/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200);
  const auto& paths = doc.json.at("paths").as_object();
  for (auto p : {"/calendar/feed", "/calendar/{token}.ics", "/reports/utilisation"})
    EXPECT_TRUE(paths.contains(p)) << p;
  const auto& ics = paths.at("/calendar/{token}.ics").at("get").as_object();
  EXPECT_TRUE(ics.at("responses").at("200").at("content").as_object().contains("text/calendar"));
  EXPECT_EQ(ics.at("parameters").at(0).at("name").as_string(), "token");
}

}  // namespace
}  // namespace hubgate::test
