// Fuzzes the iCalendar writer with member-controlled text (booking titles, space and site
// names) and arbitrary times and zones, and checks the RFC 5545 line rules on the output:
// CRLF only, no physical line over 75 octets, no control characters, folding reversible.
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "booking/calendar/ical_feed.hpp"

namespace {

using namespace hubgate;

void check(bool ok) {
  if (!ok) __builtin_trap();
}

void check_lines(const std::string& feed) {
  std::size_t pos = 0;
  while (pos < feed.size()) {
    const auto end = feed.find("\r\n", pos);
    check(end != std::string::npos);
    check(end - pos <= 75);
    for (std::size_t i = pos; i < end; ++i) {
      const auto ch = static_cast<unsigned char>(feed[i]);
      check(ch >= 0x20 && ch != 0x7F);
    }
    pos = end + 2;
  }
}

std::int64_t take_int(std::string_view& in) {
  std::int64_t v = 0;
  const auto n = std::min<std::size_t>(in.size(), 4);
  std::memcpy(&v, in.data(), n);
  in.remove_prefix(n);
  return v;
}

std::string take_text(std::string_view& in) {
  const auto n =
      std::min<std::size_t>(in.size(), in.empty() ? 0 : static_cast<unsigned char>(in[0]) + 1u);
  std::string out(in.substr(0, n));
  in.remove_prefix(n);
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::array<const date::time_zone*, 5> zones{
      date::locate_zone("Europe/Berlin"), date::locate_zone("Australia/Sydney"),
      date::locate_zone("America/Santiago"), date::locate_zone("Asia/Kolkata"),
      date::locate_zone("UTC")};
  std::string_view in(reinterpret_cast<const char*>(data), size);
  if (in.empty()) return 0;
  calendar::feed_document doc;
  doc.zone = zones[static_cast<unsigned char>(in[0]) % zones.size()];
  in.remove_prefix(1);
  // Times within 2000..2100 so the tz database answers for them.
  const domain::sys_seconds base{std::chrono::seconds{946684800}};
  auto clamp = [](std::int64_t v) {
    return std::chrono::seconds{(v % 3155760000 + 3155760000) % 3155760000};
  };
  doc.calendar_name = take_text(in);
  doc.range = {base + clamp(take_int(in)), base + clamp(take_int(in))};
  while (in.size() > 8 && doc.events.size() < 8) {
    calendar::feed_event e;
    e.booking_id = take_text(in);
    e.summary = take_text(in);
    e.location = take_text(in);
    const auto from = base + clamp(take_int(in));
    e.when = {from, from + std::chrono::seconds{(take_int(in) & 0xFFFFF)}};
    e.zone = zones[static_cast<std::size_t>(e.when.from.time_since_epoch().count()) % zones.size()];
    e.status = static_cast<domain::booking_status>(
        static_cast<unsigned>(e.when.to.time_since_epoch().count()) % 6);
    e.sequence = static_cast<int>(take_int(in) & 0xFFFF);
    doc.events.push_back(std::move(e));
  }
  check_lines(calendar::render_feed(doc));
  return 0;
}
