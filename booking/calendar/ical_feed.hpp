// A member's bookings as an iCalendar feed (RFC 5545, METHOD:PUBLISH): one VEVENT per booking
// with a stable UID, times in the site's zone (TZID) and a VTIMEZONE made from the tz database.
#pragma once
#include <date/tz.h>

#include <string>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::calendar {

// One booking as a subscriber sees it.
struct feed_event {
  std::string booking_id;  // UID is "<booking_id>@hubgate"
  std::string summary;     // the booking's title, or the space's name
  std::string location;    // "space, site"
  domain::booking_status status = domain::booking_status::confirmed;
  domain::time_range when;
  const date::time_zone* zone = nullptr;  // its site's; null: the document's zone
  int sequence = 0;                       // grows with every change of the booking
  domain::sys_seconds created{};
  domain::sys_seconds last_modified{};
};

struct feed_document {
  std::string calendar_name;              // X-WR-CALNAME
  const date::time_zone* zone = nullptr;  // the main site's (X-WR-TIMEZONE)
  domain::time_range range;               // what the feed covers (for the VTIMEZONE)
  std::vector<feed_event> events;
};

// STATUS of a booking: TENTATIVE while pending, CANCELLED once cancelled or released (so
// subscribed calendars drop it), CONFIRMED otherwise.
std::string_view ical_status(domain::booking_status s) noexcept;

// The whole VCALENDAR, CRLF line ends, folded: one VTIMEZONE per zone the events use (the
// document's zone when there are none). Events keep the given order.
std::string render_feed(const feed_document& doc);

}  // namespace hubgate::calendar
