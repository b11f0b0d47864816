#include "booking/domain/local_time.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <exception>

namespace hubgate::domain {
namespace {

using namespace std::chrono;

// Reads exactly `n` digits at `pos`; false when they are not all digits.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  int v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    char c = s[pos + i];
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  pos += n;
  out = v;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

failure bad_time(std::string_view text) {
  return failure(
      errc::validation_failed,
      fmt::format("'{}' is not a date-time like 2027-03-28T09:00:00[+01:00]", text.substr(0, 40)));
}

date::local_days local_day_of(const date::time_zone* zone, sys_seconds t) {
  return floor<days>(zone->to_local(t));
}

sys_seconds day_start(const date::time_zone* zone, date::local_days d) {
  return zone->to_sys(date::local_seconds{d}, date::choose::earliest);
}

bool is_closed(const std::vector<closure>& closures, date::local_days d) {
  date::year_month_day ymd{d};
  return std::any_of(closures.begin(), closures.end(),
                     [&](const closure& c) { return c.first <= ymd && ymd <= c.last; });
}

}  // namespace

weekly_hours weekly_hours::always_open() {
  weekly_hours h;
  for (auto& d : h.days) d.push_back({minutes{0}, hours{24}});
  return h;
}

bool weekly_hours::empty() const noexcept {
  return std::all_of(days.begin(), days.end(), [](const auto& d) { return d.empty(); });
}

outcome<const date::time_zone*> find_zone(std::string_view name) {
  if (name.empty() || name.size() > 64) return failure(errc::unknown_time_zone);
  try {
    // The system tzdb is loaded once; its zones are sorted by name.
    const auto& zones = date::get_tzdb().zones;
    auto it =
        std::lower_bound(zones.begin(), zones.end(), name,
                         [](const date::time_zone& z, std::string_view n) { return z.name() < n; });
    if (it != zones.end() && it->name() == name) return &*it;
    // Should the list ever not be sorted, a linear look is still correct.
    for (const auto& z : zones)
      if (z.name() == name) return &z;
  } catch (const std::exception&) {
    // No readable tz database: every zone is unknown.
  }
  return failure(errc::unknown_time_zone,
                 fmt::format("unknown time zone '{}'", name.substr(0, 64)));
}

outcome<time_input> parse_time_input(std::string_view s) {
  std::size_t p = 0;
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
  if (!read_digits(s, p, 4, y) || !expect(s, p, '-') || !read_digits(s, p, 2, mo) ||
      !expect(s, p, '-') || !read_digits(s, p, 2, d))
    return bad_time(s);
  if (p >= s.size() || (s[p] != 'T' && s[p] != 't' && s[p] != ' ')) return bad_time(s);
  ++p;
  if (!read_digits(s, p, 2, h) || !expect(s, p, ':') || !read_digits(s, p, 2, mi))
    return bad_time(s);
  if (p < s.size() && s[p] == ':') {
    ++p;
    if (!read_digits(s, p, 2, sec)) return bad_time(s);
    if (p < s.size() && s[p] == '.') {
      ++p;
      std::size_t digits = 0;
      while (p < s.size() && std::isdigit(static_cast<unsigned char>(s[p]))) ++p, ++digits;
      if (digits == 0 || digits > 9) return bad_time(s);
    }
  }
  date::year_month_day ymd{date::year{y}, date::month{static_cast<unsigned>(mo)},
                           date::day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || sec > 60) return bad_time(s);
  if (sec == 60) sec = 59;  // a leap second names the last second of that minute
  time_input out;
  out.local = date::local_seconds{date::local_days{ymd}} + hours{h} + minutes{mi} + seconds{sec};
  if (p == s.size()) return out;
  if (s[p] == 'Z' || s[p] == 'z') {
    ++p;
    out.utc_offset = minutes{0};
  } else if (s[p] == '+' || s[p] == '-') {
    int sign = s[p] == '-' ? -1 : 1;
    ++p;
    int oh = 0, om = 0;
    if (!read_digits(s, p, 2, oh) || !expect(s, p, ':') || !read_digits(s, p, 2, om) || oh > 23 ||
        om > 59)
      return bad_time(s);
    out.utc_offset = minutes{sign * (oh * 60 + om)};
  } else {
    return bad_time(s);
  }
  if (p != s.size()) return bad_time(s);
  return out;
}

outcome<sys_seconds> resolve_local(const date::time_zone* zone, date::local_seconds local,
                                   std::optional<minutes> utc_offset) {
  if (utc_offset) return sys_seconds{local.time_since_epoch()} - *utc_offset;
  auto info = zone->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return sys_seconds{local.time_since_epoch()} - info.first.offset;
    case date::local_info::nonexistent:
      return failure(errc::nonexistent_local_time,
                     fmt::format("{} does not exist in {}: the clocks skip it",
                                 date::format("%F %T", local), zone->name()));
    default:
      return failure(errc::ambiguous_local_time,
                     fmt::format("{} happens twice in {}: give the UTC offset",
                                 date::format("%F %T", local), zone->name()));
  }
}

outcome<sys_seconds> resolve(const date::time_zone* zone, const time_input& in) {
  return resolve_local(zone, in.local, in.utc_offset);
}

std::string format_rfc3339(const date::time_zone* zone, sys_seconds t) {
  auto info = zone->get_info(t);
  auto local = date::local_seconds{t.time_since_epoch()} + info.offset;
  auto off = duration_cast<minutes>(info.offset).count();
  char sign = off < 0 ? '-' : '+';
  off = off < 0 ? -off : off;
  return fmt::format("{}{}{:02}:{:02}", date::format("%FT%T", local), sign, off / 60, off % 60);
}

std::string format_rfc3339_utc(sys_seconds t) {
  return date::format("%FT%TZ", t);
}

std::vector<time_range> open_periods(const date::time_zone* zone, const weekly_hours& hours,
                                     const std::vector<closure>& closures, time_range window) {
  std::vector<time_range> out;
  if (window.empty()) return out;
  auto first = local_day_of(zone, window.from) - days{1};
  auto last = local_day_of(zone, window.to) + days{1};
  for (auto d = first; d <= last; d += days{1}) {
    if (is_closed(closures, d)) continue;
    for (const auto& iv : hours.days[iso_index(date::weekday{d})]) {
      auto from = zone->to_sys(date::local_seconds{d} + iv.open, date::choose::earliest);
      auto to = zone->to_sys(date::local_seconds{d} + iv.close, date::choose::latest);
      from = std::max(from, window.from);
      to = std::min(to, window.to);
      if (from < to) out.push_back({from, to});
    }
  }
  std::sort(out.begin(), out.end(),
            [](const time_range& a, const time_range& b) { return a.from < b.from; });
  std::vector<time_range> merged;
  for (const auto& r : out) {
    if (!merged.empty() && r.from <= merged.back().to)
      merged.back().to = std::max(merged.back().to, r.to);
    else
      merged.push_back(r);
  }
  return merged;
}

outcome<void> check_open(const date::time_zone* zone, const weekly_hours& hours,
                         const std::vector<closure>& closures, time_range interval) {
  for (const auto& c : closures) {
    time_range closed{day_start(zone, date::local_days{c.first}),
                      day_start(zone, date::local_days{c.last} + days{1})};
    if (closed.overlaps(interval)) {
      failure f(errc::space_closed, c.reason.empty() ? "closed on that day" : c.reason);
      return f;
    }
  }
  for (const auto& p : open_periods(zone, hours, closures, interval))
    if (p.contains(interval)) return {};
  return failure(errc::outside_opening_hours, "not within the opening hours");
}

sys_seconds week_start(const date::time_zone* zone, sys_seconds t) {
  auto d = local_day_of(zone, t);
  auto monday = d - days{iso_index(date::weekday{d})};
  return day_start(zone, monday);
}

sys_seconds next_week_start(const date::time_zone* zone, sys_seconds t) {
  auto d = local_day_of(zone, t);
  auto monday = d - days{iso_index(date::weekday{d})};
  return day_start(zone, monday + days{7});
}

date::year_month_day local_date(const date::time_zone* zone, sys_seconds t) {
  return date::year_month_day{local_day_of(zone, t)};
}

}  // namespace hubgate::domain
