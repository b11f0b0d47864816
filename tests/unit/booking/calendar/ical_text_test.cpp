#include "booking/calendar/ical_text.hpp"

#include <gtest/gtest.h>

#include "hubgate/test/ical_reading.hpp"

namespace hubgate::calendar {
namespace {

using hubgate::test::unfold_ical;

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find("\r\n", pos);
    EXPECT_NE(end, std::string::npos) << "every line ends with CRLF";
    if (end == std::string::npos) break;
    out.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return out;
}

TEST(ical_text, escapes_text_values) {
  EXPECT_EQ(escape_text("Room 1, floor 2; \"big\"\\west"), "Room 1\\, floor 2\\; \"big\"\\\\west");
  EXPECT_EQ(escape_text("two\nlines\r\nthree\rfour"), "two\\nlines\\nthree\\nfour");
  EXPECT_EQ(escape_text(std::string("bell\a tab\t end", 15)), "bell tab end");
  EXPECT_EQ(escape_text("Besprechungsraum für 8"), "Besprechungsraum für 8");
}

TEST(ical_text, short_lines_are_not_folded) {
  content_writer w;
  w.line("SUMMARY", "Lab");
  EXPECT_EQ(w.text(), "SUMMARY:Lab\r\n");
}

TEST(ical_text, long_lines_fold_at_75_octets_and_unfold_to_the_original) {
  content_writer w;
  const std::string value(200, 'x');
  w.line("DESCRIPTION", value);
  auto lines = physical_lines(w.text());
  ASSERT_GE(lines.size(), 3u);
  EXPECT_EQ(lines[0].size(), 75u);
  for (std::size_t i = 1; i < lines.size(); ++i) {
    EXPECT_LE(lines[i].size(), 75u);
    EXPECT_EQ(lines[i][0], ' ');
  }
  EXPECT_EQ(unfold_ical(w.text()), "DESCRIPTION:" + value + "\r\n");
}

TEST(ical_text, folding_never_splits_a_utf8_sequence) {
  content_writer w;
  std::string value;
  for (int i = 0; i < 60; ++i) value += "ü€";  // 2- and 3-octet sequences
  w.line("SUMMARY", value);
  for (const auto& line : physical_lines(w.text())) {
    EXPECT_LE(line.size(), 75u);
    // A line must not start (after the fold space) or end inside a sequence.
    std::string_view body = line;
    if (body.front() == ' ') body.remove_prefix(1);
    EXPECT_NE(static_cast<unsigned char>(body.front()) & 0xC0, 0x80) << line;
    const auto last = static_cast<unsigned char>(body.back());
    EXPECT_FALSE(last >= 0xC0) << "line ends with a lead octet";
  }
  EXPECT_EQ(unfold_ical(w.text()), "SUMMARY:" + value + "\r\n");
}

TEST(ical_text, formats_times_and_offsets) {
  using namespace std::chrono;
  const domain::sys_seconds t{date::sys_days{date::year{2027} / 3 / 28}};
  EXPECT_EQ(format_utc(t + hours{8} + minutes{5} + seconds{9}), "20270328T080509Z");
  EXPECT_EQ(
      format_local(date::local_seconds{date::local_days{date::year{2027} / 10 / 31}} + hours{10}),
      "20271031T100000");
  EXPECT_EQ(format_offset(hours{2}), "+0200");
  EXPECT_EQ(format_offset(-(hours{3} + minutes{30})), "-0330");
  EXPECT_EQ(format_offset(seconds{0}), "+0000");
  EXPECT_EQ(format_offset(seconds{3208}), "+005328");
}

}  // namespace
}  // namespace hubgate::calendar
