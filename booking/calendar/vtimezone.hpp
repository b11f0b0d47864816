// VTIMEZONE components generated from the tz database: one STANDARD or DAYLIGHT observance
// per offset change around a range, so TZID-qualified times are right for any IANA zone.
#pragma once
#include <date/tz.h>

#include "booking/calendar/ical_text.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::calendar {

// Writes BEGIN:VTIMEZONE ... END:VTIMEZONE for `zone` covering `range`: the observance in
// force at range.from (from the transition that started it) and every transition up to
// range.to. A zone without transitions gets one STANDARD observance with its fixed offset.
void write_vtimezone(content_writer& out, const date::time_zone* zone, domain::time_range range);

}  // namespace hubgate::calendar
