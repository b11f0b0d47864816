#include "booking/calendar/ical_feed.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "booking/calendar/ical_text.hpp"
#include "booking/calendar/vtimezone.hpp"

namespace hubgate::calendar {
namespace {

std::string tz_param(const date::time_zone* zone) {
  // TZID values with a slash are plain parameter text; quote only what needs quoting.
  const auto& name = zone->name();
  if (name.find_first_of(":;,") != std::string::npos) return "TZID=\"" + name + "\"";
  return "TZID=" + name;
}

std::string local_value(const date::time_zone* zone, domain::sys_seconds t) {
  return format_local(zone->to_local(t));
}

const date::time_zone* zone_of(const feed_document& doc, const feed_event& e) {
  return e.zone ? e.zone : doc.zone;
}

void write_event(content_writer& out, const feed_document& doc, const feed_event& e) {
  const auto* zone = zone_of(doc, e);
  const auto tz = tz_param(zone);
  out.line("BEGIN", "VEVENT");
  out.line("UID", escape_text(e.booking_id + "@hubgate"));
  // DTSTAMP follows the booking, not the request, so an unchanged feed has unchanged bytes
  // (and ETag) between polls.
  out.line("DTSTAMP", format_utc(e.last_modified));
  out.line("DTSTART;" + tz, local_value(zone, e.when.from));
  out.line("DTEND;" + tz, local_value(zone, e.when.to));
  out.line("SUMMARY", escape_text(e.summary));
  if (!e.location.empty()) out.line("LOCATION", escape_text(e.location));
  out.line("STATUS", ical_status(e.status));
  out.line("SEQUENCE", std::to_string(std::max(e.sequence, 0)));
  out.line("CREATED", format_utc(e.created));
  out.line("LAST-MODIFIED", format_utc(e.last_modified));
  // A booked seat blocks the member's time; a cancelled one no longer does.
  out.line("TRANSP", ical_status(e.status) == "CANCELLED" ? "TRANSPARENT" : "OPAQUE");
  out.line("END", "VEVENT");
}

}  // namespace

std::string_view ical_status(domain::booking_status s) noexcept {
  switch (s) {
    case domain::booking_status::pending:
      return "TENTATIVE";
    case domain::booking_status::released:
    case domain::booking_status::cancelled:
      return "CANCELLED";
    case domain::booking_status::confirmed:
    case domain::booking_status::checked_in:
    case domain::booking_status::completed:
      return "CONFIRMED";
  }
  return "CONFIRMED";
}

std::string render_feed(const feed_document& doc) {
  content_writer out;
  out.line("BEGIN", "VCALENDAR");
  out.line("VERSION", "2.0");
  out.line("PRODID", "-//Hubgate//Booking feed 1.0//EN");
  out.line("CALSCALE", "GREGORIAN");
  out.line("METHOD", "PUBLISH");
  out.line("X-WR-CALNAME", escape_text(doc.calendar_name));
  out.line("X-WR-TIMEZONE", escape_text(doc.zone->name()));
  // Clients that honour it poll hourly; ETag makes each poll cheap.
  out.line("REFRESH-INTERVAL;VALUE=DURATION", "PT1H");
  out.line("X-PUBLISHED-TTL", "PT1H");

  // Each VTIMEZONE must cover every event written with its TZID.
  std::vector<std::pair<const date::time_zone*, domain::time_range>> zones;
  zones.emplace_back(doc.zone, doc.range);
  for (const auto& e : doc.events) {
    const auto* zone = zone_of(doc, e);
    auto it =
        std::find_if(zones.begin(), zones.end(), [zone](const auto& z) { return z.first == zone; });
    if (it == zones.end()) {
      zones.emplace_back(zone, e.when);
      continue;
    }
    it->second.from = std::min(it->second.from, e.when.from);
    it->second.to = std::max(it->second.to, e.when.to);
  }
  for (const auto& [zone, range] : zones) write_vtimezone(out, zone, range);
  for (const auto& e : doc.events) write_event(out, doc, e);
  out.line("END", "VCALENDAR");
  return out.take();
}

}  // namespace hubgate::calendar
