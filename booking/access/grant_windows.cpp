#include "booking/access/grant_windows.hpp"

#include <algorithm>

#include "booking/domain/local_time.hpp"

namespace hubgate::access {
namespace {

using namespace std::chrono;

sys_seconds round_down(sys_seconds t, seconds step) {
  if (step <= seconds{0}) return t;
  auto q = t.time_since_epoch() / step;
  if (t.time_since_epoch() % step < seconds{0}) --q;
  return sys_seconds{q * step};
}

sys_seconds round_up(sys_seconds t, seconds step) {
  auto down = round_down(t, step);
  return down == t ? t : down + step;
}

sys_seconds midnight(const date::time_zone* zone, date::local_days d) {
  // Midnight exists in almost every zone; where a DST change skips it, the day starts at the
  // transition (earliest), and where it repeats, at its first occurrence.
  return zone->to_sys(date::local_seconds{d}, date::choose::earliest);
}

}  // namespace

horizon make_horizon(const derivation_options& opt, sys_seconds now) {
  return {now, round_down(now, opt.horizon_step), round_up(now + opt.horizon, opt.horizon_step)};
}

time_range booking_window(const domain::booking& b, const derivation_options& opt) {
  return {b.start - opt.early_grace, b.end + opt.late_grace};
}

time_range local_days_window(const date::time_zone* zone, time_range interval) {
  auto last_instant = interval.empty() ? interval.from : interval.to - seconds{1};
  auto first_day = floor<days>(zone->to_local(interval.from));
  auto last_day = floor<days>(zone->to_local(last_instant));
  return {midnight(zone, first_day), midnight(zone, last_day + days{1})};
}

std::vector<time_range> standing_windows(const date::time_zone* zone,
                                         const domain::weekly_hours& schedule, const horizon& h) {
  return domain::open_periods(zone, schedule, {}, {h.begin, h.end});
}

void normalize_windows(std::vector<time_range>& windows, sys_seconds now, sys_seconds limit) {
  for (auto& w : windows) w.to = std::min(w.to, limit);
  std::erase_if(windows, [&](const time_range& w) { return w.empty() || w.to <= now; });
  std::sort(windows.begin(), windows.end(), [](const time_range& a, const time_range& b) {
    return a.from < b.from || (a.from == b.from && a.to < b.to);
  });
  std::size_t out = 0;
  for (std::size_t i = 0; i < windows.size(); ++i) {
    if (out > 0 && windows[i].from <= windows[out - 1].to)
      windows[out - 1].to = std::max(windows[out - 1].to, windows[i].to);
    else
      windows[out++] = windows[i];
  }
  windows.resize(out);
}

}  // namespace hubgate::access
