#include "booking/calendar/vtimezone.hpp"

#include <gtest/gtest.h>

namespace hubgate::calendar {
namespace {

domain::sys_seconds utc(int y, unsigned m, unsigned d) {
  return domain::sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}};
}

std::string vtimezone(std::string_view zone, domain::time_range range) {
  content_writer w;
  write_vtimezone(w, date::locate_zone(zone), range);
  return w.take();
}

std::size_t count(const std::string& text, std::string_view what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + 1)) ++n;
  return n;
}

TEST(vtimezone, berlin_2027_has_both_changes_with_wall_time_onsets) {
  auto text = vtimezone("Europe/Berlin", {utc(2027, 2, 1), utc(2027, 12, 1)});
  EXPECT_EQ(text.rfind("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n", 0), 0u) << text;
  // In force on 1 February: winter time since the change of 31 October 2026.
  EXPECT_NE(text.find("BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nTZOFFSETFROM:+0200\r\n"
                      "TZOFFSETTO:+0100\r\nTZNAME:CET\r\nEND:STANDARD\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\n"
                      "TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\n"
                      "TZOFFSETTO:+0100\r\n"),
            std::string::npos)
      << text;
  EXPECT_EQ(count(text, "BEGIN:DAYLIGHT"), 1u);
  EXPECT_EQ(count(text, "BEGIN:STANDARD"), 2u);
  EXPECT_TRUE(text.ends_with("END:VTIMEZONE\r\n"));
}

TEST(vtimezone, southern_hemisphere_zone_is_right_too) {
  // Sydney: daylight time ends on the first Sunday of April, starts on the first of October.
  auto text = vtimezone("Australia/Sydney", {utc(2027, 3, 1), utc(2027, 11, 1)});
  EXPECT_NE(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1000\r\n"
                      "TZOFFSETTO:+1100\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("BEGIN:STANDARD\r\nDTSTART:20270404T030000\r\nTZOFFSETFROM:+1100\r\n"
                      "TZOFFSETTO:+1000\r\n"),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("BEGIN:DAYLIGHT\r\nDTSTART:20271003T020000\r\n"), std::string::npos) << text;
}

TEST(vtimezone, zone_without_changes_gets_one_fixed_observance) {
  auto text = vtimezone("Asia/Kolkata", {utc(2027, 1, 1), utc(2028, 1, 1)});
  EXPECT_EQ(count(text, "BEGIN:STANDARD"), 1u) << text;
  EXPECT_EQ(count(text, "BEGIN:DAYLIGHT"), 0u) << text;
  EXPECT_NE(text.find("TZOFFSETFROM:+0530\r\nTZOFFSETTO:+0530\r\n"), std::string::npos) << text;
  auto utc_text = vtimezone("UTC", {utc(2027, 1, 1), utc(2028, 1, 1)});
  EXPECT_NE(utc_text.find("DTSTART:19700101T000000\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\n"),
            std::string::npos)
      << utc_text;
}

}  // namespace
}  // namespace hubgate::calendar
