#include "booking/calendar/ical_feed.hpp"

#include <gtest/gtest.h>

#include "hubgate/test/ical_reading.hpp"

namespace hubgate::calendar {
namespace {

using hubgate::test::ical_event_block;
using namespace std::chrono_literals;

domain::sys_seconds utc(int y, unsigned m, unsigned d, int h = 0) {
  return domain::sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{h};
}

feed_event event(std::string id, domain::sys_seconds from, domain::sys_seconds to) {
  feed_event e;
  e.booking_id = std::move(id);
  e.summary = "Lab session";
  e.location = "Innovation Lab, Digital Innovation Hub";
  e.when = {from, to};
  e.created = utc(2027, 1, 10, 9);
  e.last_modified = utc(2027, 1, 11, 9);
  return e;
}

feed_document berlin_document() {
  feed_document doc;
  doc.calendar_name = "Hubgate";
  doc.zone = date::locate_zone("Europe/Berlin");
  doc.range = {utc(2027, 1, 1), utc(2027, 1, 31)};
  // 2027-03-28 10:00-12:00 CEST (the day summer time starts) is 08:00-10:00 UTC;
  // 2027-10-31 10:00-12:00 CET (the day it ends) is 09:00-11:00 UTC.
  doc.events.push_back(event("bk_spring", utc(2027, 3, 28, 8), utc(2027, 3, 28, 10)));
  doc.events.push_back(event("bk_autumn", utc(2027, 10, 31, 9), utc(2027, 10, 31, 11)));
  return doc;
}

TEST(ical_feed, calendar_has_the_required_properties_and_crlf_lines) {
  auto feed = render_feed(berlin_document());
  EXPECT_EQ(feed.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:", 0), 0u) << feed;
  EXPECT_NE(feed.find("\r\nCALSCALE:GREGORIAN\r\n"), std::string::npos);
  EXPECT_NE(feed.find("\r\nMETHOD:PUBLISH\r\n"), std::string::npos);
  EXPECT_NE(feed.find("\r\nX-WR-CALNAME:Hubgate\r\n"), std::string::npos);
  EXPECT_TRUE(feed.ends_with("END:VCALENDAR\r\n"));
  for (std::size_t i = 0; i < feed.size(); ++i)
    if (feed[i] == '\n') {
      ASSERT_TRUE(i > 0 && feed[i - 1] == '\r') << "bare LF at " << i;
    }
}

TEST(ical_feed, times_are_site_local_with_tzid_across_both_dst_changes) {
  auto feed = render_feed(berlin_document());
  auto spring = ical_event_block(feed, "bk_spring@hubgate");
  ASSERT_FALSE(spring.empty()) << feed;
  EXPECT_NE(spring.find("DTSTART;TZID=Europe/Berlin:20270328T100000\r\n"), std::string::npos)
      << spring;
  EXPECT_NE(spring.find("DTEND;TZID=Europe/Berlin:20270328T120000\r\n"), std::string::npos);
  auto autumn = ical_event_block(feed, "bk_autumn@hubgate");
  EXPECT_NE(autumn.find("DTSTART;TZID=Europe/Berlin:20271031T100000\r\n"), std::string::npos)
      << autumn;
  EXPECT_NE(autumn.find("DTEND;TZID=Europe/Berlin:20271031T120000\r\n"), std::string::npos);
  // The VTIMEZONE reaches both changes, so a client maps those wall times back correctly.
  EXPECT_NE(feed.find("DTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200"),
            std::string::npos);
  EXPECT_NE(feed.find("DTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100"),
            std::string::npos);
}

TEST(ical_feed, event_carries_uid_stamp_sequence_status_and_escaped_text) {
  auto doc = berlin_document();
  doc.events[0].summary = "Kick-off; team A, B\\C\nsecond line";
  doc.events[0].sequence = 3;
  auto feed = render_feed(doc);
  auto e = ical_event_block(feed, "bk_spring@hubgate");
  EXPECT_NE(e.find("SUMMARY:Kick-off\\; team A\\, B\\\\C\\nsecond line\r\n"), std::string::npos)
      << e;
  EXPECT_NE(e.find("LOCATION:Innovation Lab\\, Digital Innovation Hub\r\n"), std::string::npos);
  EXPECT_NE(e.find("SEQUENCE:3\r\n"), std::string::npos);
  EXPECT_NE(e.find("STATUS:CONFIRMED\r\n"), std::string::npos);
  EXPECT_NE(e.find("DTSTAMP:20270111T090000Z\r\n"), std::string::npos);
  EXPECT_NE(e.find("LAST-MODIFIED:20270111T090000Z\r\n"), std::string::npos);
  EXPECT_NE(e.find("CREATED:20270110T090000Z\r\n"), std::string::npos);
}

TEST(ical_feed, statuses_map_so_subscribers_drop_cancelled_bookings) {
  using domain::booking_status;
  EXPECT_EQ(ical_status(booking_status::pending), "TENTATIVE");
  EXPECT_EQ(ical_status(booking_status::confirmed), "CONFIRMED");
  EXPECT_EQ(ical_status(booking_status::checked_in), "CONFIRMED");
  EXPECT_EQ(ical_status(booking_status::completed), "CONFIRMED");
  EXPECT_EQ(ical_status(booking_status::cancelled), "CANCELLED");
  EXPECT_EQ(ical_status(booking_status::released), "CANCELLED");
}

TEST(ical_feed, same_input_gives_the_same_bytes) {
  EXPECT_EQ(render_feed(berlin_document()), render_feed(berlin_document()));
}

TEST(ical_feed, events_of_another_zone_get_their_own_vtimezone) {
  auto doc = berlin_document();
  auto e = event("bk_ny", utc(2027, 7, 1, 14), utc(2027, 7, 1, 16));
  e.zone = date::locate_zone("America/New_York");
  doc.events.push_back(e);
  auto feed = render_feed(doc);
  EXPECT_NE(feed.find("TZID:America/New_York\r\n"), std::string::npos);
  EXPECT_NE(feed.find("TZID:Europe/Berlin\r\n"), std::string::npos);
  auto block = ical_event_block(feed, "bk_ny@hubgate");
  EXPECT_NE(block.find("DTSTART;TZID=America/New_York:20270701T100000\r\n"), std::string::npos)
      << block;
}

}  // namespace
}  // namespace hubgate::calendar
