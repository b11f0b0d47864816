// Local wall time in a site's IANA time zone (Howard Hinnant's date/tz over the system
// tzdata): resolving wall times across DST changes, open periods, ISO weeks, RFC 3339 text.
#pragma once
#include <date/tz.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/failure.hpp"
#include "booking/domain/opening_hours.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::domain {

// A time as a client wrote it: a wall time, with the UTC offset when one was given
// ("2027-10-31T02:30:00+01:00"), without it ("2027-10-31T02:30:00", read in the site's zone).
struct time_input {
  date::local_seconds local;
  std::optional<std::chrono::minutes> utc_offset;
};

// errc::unknown_time_zone for names the tz database does not know.
outcome<const date::time_zone*> find_zone(std::string_view name);

// Parses RFC 3339 ("2027-03-28T09:00:00Z", "...+02:00", fractional seconds dropped) or a local
// wall time without offset ("2027-03-28T09:00:00" or "2027-03-28T09:00"). Never throws;
// errc::validation_failed on anything else.
outcome<time_input> parse_time_input(std::string_view text);

// The UTC instant of `in` in `zone`. With an offset it is exact (that resolves an ambiguous
// wall time); without one, a wall time in a spring-forward gap is nonexistent_local_time and
// one in a fall-back overlap is ambiguous_local_time.
outcome<sys_seconds> resolve(const date::time_zone* zone, const time_input& in);
outcome<sys_seconds> resolve_local(const date::time_zone* zone, date::local_seconds local,
                                   std::optional<std::chrono::minutes> utc_offset = {});

// "2027-03-28T09:00:00+02:00": the instant as wall time in `zone` with its offset.
std::string format_rfc3339(const date::time_zone* zone, sys_seconds t);
// "2027-03-28T07:00:00Z".
std::string format_rfc3339_utc(sys_seconds t);

// The UTC periods in which `hours` minus `closures` are open, clipped to `window`. Periods
// that touch (Monday 00:00-24:00 then Tuesday 00:00-...) are merged into one. Days are local
// days, so a 00:00-24:00 day is 23 or 25 hours long when DST starts or ends. An opening or
// closing wall time inside a DST gap maps to the transition instant.
std::vector<time_range> open_periods(const date::time_zone* zone, const weekly_hours& hours,
                                     const std::vector<closure>& closures, time_range window);

// Whether [start, end) lies inside one open period: space_closed if it touches a closure,
// outside_opening_hours if it is otherwise not wholly within one open period.
outcome<void> check_open(const date::time_zone* zone, const weekly_hours& hours,
                         const std::vector<closure>& closures, time_range interval);

// Monday 00:00 local of the ISO week containing `t`, as UTC (for weekly quotas).
sys_seconds week_start(const date::time_zone* zone, sys_seconds t);
// The following Monday 00:00 local, as UTC.
sys_seconds next_week_start(const date::time_zone* zone, sys_seconds t);

// The local calendar date of `t` in `zone`.
date::year_month_day local_date(const date::time_zone* zone, sys_seconds t);

}  // namespace hubgate::domain
