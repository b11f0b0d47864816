#include "booking/calendar/vtimezone.hpp"

#include <chrono>

namespace hubgate::calendar {
namespace {

using std::chrono::seconds;

// Observances before 1970 are of no use to a booking feed and some clients reject them.
const domain::sys_seconds earliest{date::sys_days{date::year{1970} / 1 / 1}};

void write_observance(content_writer& out, const date::sys_info& info, seconds offset_from,
                      date::local_seconds onset) {
  const bool daylight = info.save > std::chrono::minutes{0};
  out.line("BEGIN", daylight ? "DAYLIGHT" : "STANDARD");
  out.line("DTSTART", format_local(onset));
  out.line("TZOFFSETFROM", format_offset(offset_from));
  out.line("TZOFFSETTO", format_offset(info.offset));
  if (!info.abbrev.empty()) out.line("TZNAME", escape_text(info.abbrev));
  out.line("END", daylight ? "DAYLIGHT" : "STANDARD");
}

// The observance `info` began at info.begin; its onset is written as the wall time just
// before the change, in the offset that applied until then (RFC 5545 3.6.5).
void write_transition(content_writer& out, const date::time_zone* zone,
                      const date::sys_info& info) {
  const auto before = zone->get_info(info.begin - seconds{1});
  const date::local_seconds onset{(info.begin + before.offset).time_since_epoch()};
  write_observance(out, info, before.offset, onset);
}

}  // namespace

void write_vtimezone(content_writer& out, const date::time_zone* zone, domain::time_range range) {
  out.line("BEGIN", "VTIMEZONE");
  out.line("TZID", escape_text(zone->name()));
  auto info = zone->get_info(range.from);
  if (info.begin <= earliest) {
    // In force since before 1970 (or forever): a fixed observance from 1970 on.
    const date::local_seconds onset{earliest.time_since_epoch()};
    write_observance(out, info, info.offset, onset);
  } else {
    write_transition(out, zone, info);
  }
  // Every later change up to the end of the range, and the one that ends the range's last
  // observance is not needed: clients use the latest onset before each time.
  while (info.end < range.to) {
    info = zone->get_info(info.end);
    write_transition(out, zone, info);
  }
  out.line("END", "VTIMEZONE");
}

}  // namespace hubgate::calendar
