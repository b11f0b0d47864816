#include "booking/calendar/ical_text.hpp"

#include <fmt/format.h>

namespace hubgate::calendar {
namespace {

constexpr std::size_t max_octets = 75;

bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

std::string escape_text(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        // CRLF and a lone CR are one line break each.
        if (i + 1 >= text.size() || text[i + 1] != '\n') out += "\\n";
        break;
      default:
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) break;
        out += ch;
    }
  }
  return out;
}

std::string format_utc(domain::sys_seconds t) {
  return date::format("%Y%m%dT%H%M%SZ", t);
}

std::string format_local(date::local_seconds t) {
  return date::format("%Y%m%dT%H%M%S", t);
}

std::string format_offset(std::chrono::seconds offset) {
  const char sign = offset < std::chrono::seconds{0} ? '-' : '+';
  auto total = std::chrono::abs(offset).count();
  auto hours = total / 3600;
  auto minutes = (total % 3600) / 60;
  auto seconds = total % 60;
  // Offsets with seconds exist only in old LMT entries; RFC 5545 allows the seconds field.
  if (seconds != 0) return fmt::format("{}{:02}{:02}{:02}", sign, hours, minutes, seconds);
  return fmt::format("{}{:02}{:02}", sign, hours, minutes);
}

void append_folded(std::string& out, std::string_view line) {
  std::size_t pos = 0;
  std::size_t budget = max_octets;  // continuation lines start with a space, leaving 74
  while (line.size() - pos > budget) {
    std::size_t cut = pos + budget;
    while (cut > pos && is_continuation(static_cast<unsigned char>(line[cut]))) --cut;
    if (cut == pos) cut = pos + budget;  // not UTF-8 at all: cut anyway rather than loop
    out.append(line.substr(pos, cut - pos));
    out += "\r\n ";
    pos = cut;
    budget = max_octets - 1;
  }
  out.append(line.substr(pos));
  out += "\r\n";
}

void content_writer::line(std::string_view name, std::string_view value) {
  std::string unfolded;
  unfolded.reserve(name.size() + 1 + value.size());
  unfolded.append(name);
  unfolded += ':';
  unfolded.append(value);
  append_folded(out_, unfolded);
}

}  // namespace hubgate::calendar
