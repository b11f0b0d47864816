// The UTC windows a single grant opens a door in (a booking with its grace, a desk's local
// day, a weekly standing schedule), and the merge/clip every entry's windows go through.
#pragma once
#include <date/tz.h>

#include <vector>

#include "booking/access/derivation_options.hpp"
#include "booking/domain/booking.hpp"
#include "booking/domain/opening_hours.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::access {

using domain::sys_seconds;
using domain::time_range;

// The span derivation expands into: [begin, end) with begin <= now and end >= now + horizon,
// both rounded outwards to options.horizon_step.
struct horizon {
  sys_seconds now;
  sys_seconds begin;
  sys_seconds end;
};
horizon make_horizon(const derivation_options& opt, sys_seconds now);

// [start - early grace, end + late grace).
time_range booking_window(const domain::booking& b, const derivation_options& opt);

// From local midnight of the day `interval` starts on to local midnight after the day it ends
// on, in `zone`: a single day is 23 or 25 hours long on the days DST starts or ends.
time_range local_days_window(const date::time_zone* zone, time_range interval);

// A weekly schedule in `zone` as concrete UTC periods over [h.begin, h.end). A wall time that
// does not exist (spring-forward gap) maps to the transition, so 07:00 stays 07:00 local.
std::vector<time_range> standing_windows(const date::time_zone* zone,
                                         const domain::weekly_hours& schedule, const horizon& h);

// Clips every window to end at `limit` at the latest, drops the empty ones and those that end
// at or before `now`, then sorts them and merges those that overlap or touch.
void normalize_windows(std::vector<time_range>& windows, sys_seconds now, sys_seconds limit);

}  // namespace hubgate::access
