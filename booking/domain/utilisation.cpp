#include "booking/domain/utilisation.hpp"

#include <date/iso_week.h>

#include <algorithm>
#include <map>

#include "booking/domain/local_time.hpp"

namespace hubgate::domain {
namespace {

using std::chrono::seconds;

struct week_slot {
  time_range period;
  date::year_month_day monday;
  int iso_year = 0;
  unsigned iso_week = 0;
};

std::vector<week_slot> weeks_of(const date::time_zone* zone, time_range range) {
  std::vector<week_slot> out;
  for (auto w = week_start(zone, range.from); w < range.to; w = next_week_start(zone, w)) {
    week_slot s;
    s.period = {std::max(w, range.from), std::min(next_week_start(zone, w), range.to)};
    s.monday = local_date(zone, w);
    const iso_week::year_weeknum_weekday iso{date::sys_days{s.monday}};
    s.iso_year = static_cast<int>(iso.year());
    s.iso_week = static_cast<unsigned>(iso.weeknum());
    out.push_back(s);
  }
  return out;
}

// Index of the week containing t (t inside the range).
std::size_t week_index(const std::vector<week_slot>& weeks, sys_seconds t) {
  auto it = std::upper_bound(weeks.begin(), weeks.end(), t,
                             [](sys_seconds v, const week_slot& w) { return v < w.period.from; });
  return it == weeks.begin() ? 0 : static_cast<std::size_t>(it - weeks.begin() - 1);
}

seconds open_overlap(const std::vector<time_range>& open, time_range r) {
  seconds total{0};
  for (const auto& p : open) total += overlap_length(p, r);
  return total;
}

// One row per (week, space), before any grouping.
std::vector<std::vector<utilisation_row>> rows_per_space(const utilisation_input& in,
                                                         const std::vector<week_slot>& weeks) {
  std::map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < in.spaces.size(); ++i) index.emplace(in.spaces[i].id, i);
  std::vector<std::vector<utilisation_row>> rows(in.spaces.size());
  std::vector<std::vector<std::vector<time_range>>> open(in.spaces.size());
  for (std::size_t s = 0; s < in.spaces.size(); ++s) {
    const auto& sp = in.spaces[s];
    for (const auto& w : weeks) {
      utilisation_row r;
      r.iso_year = w.iso_year;
      r.iso_week = w.iso_week;
      r.week_start = w.monday;
      r.period = w.period;
      r.key = sp.id;
      r.label = sp.name;
      r.kind = sp.kind;
      open[s].push_back(open_periods(in.zone, sp.hours, sp.closures, w.period));
      for (const auto& p : open[s].back()) r.capacity_seat_time += p.length() * sp.capacity;
      rows[s].push_back(std::move(r));
    }
  }
  for (const auto& b : in.bookings) {
    auto found = index.find(b.space_id);
    if (found == index.end() || !b.interval().overlaps(in.range) || weeks.empty()) continue;
    const auto s = found->second;
    if (in.range.contains(b.start)) {
      auto& r = rows[s][week_index(weeks, b.start)];
      if (counts_as_booked(b.status))
        ++r.bookings;
      else if (b.status == booking_status::released)
        ++r.no_shows;
      else if (b.status == booking_status::cancelled)
        ++r.cancellations;
    }
    if (!counts_as_booked(b.status)) continue;
    for (auto w = week_index(weeks, std::max(b.start, in.range.from));
         w < weeks.size() && weeks[w].period.from < b.end; ++w) {
      const time_range part{std::max(b.start, weeks[w].period.from),
                            std::min(b.end, weeks[w].period.to)};
      rows[s][w].booked_seat_time += open_overlap(open[s][w], part) * b.seats;
    }
  }
  return rows;
}

}  // namespace

std::string_view to_string(utilisation_grouping g) noexcept {
  return g == utilisation_grouping::kind ? "kind" : "space";
}

std::optional<utilisation_grouping> parse_utilisation_grouping(std::string_view s) noexcept {
  if (s == "space") return utilisation_grouping::space;
  if (s == "kind") return utilisation_grouping::kind;
  return std::nullopt;
}

std::optional<double> utilisation_row::utilisation_percent() const noexcept {
  if (capacity_seat_time.count() <= 0) return std::nullopt;
  return 100.0 * static_cast<double>(booked_seat_time.count()) /
         static_cast<double>(capacity_seat_time.count());
}

bool counts_as_booked(booking_status s) noexcept {
  return s == booking_status::confirmed || s == booking_status::checked_in ||
         s == booking_status::completed;
}

std::vector<utilisation_row> compute_utilisation(const utilisation_input& in) {
  std::vector<utilisation_row> out;
  if (!in.zone || in.range.empty()) return out;
  const auto weeks = weeks_of(in.zone, in.range);
  auto per_space = rows_per_space(in, weeks);

  if (in.group_by == utilisation_grouping::kind) {
    // Keyed by (week, kind) in the order of space_kind's declaration.
    std::map<std::pair<std::size_t, int>, utilisation_row> grouped;
    for (const auto& rows : per_space) {
      for (std::size_t w = 0; w < rows.size(); ++w) {
        const auto& r = rows[w];
        auto [it, fresh] = grouped.try_emplace({w, static_cast<int>(r.kind)}, r);
        auto& g = it->second;
        if (fresh) {
          g.key = std::string(to_string(r.kind));
          g.label = g.key;
          continue;
        }
        g.booked_seat_time += r.booked_seat_time;
        g.capacity_seat_time += r.capacity_seat_time;
        g.bookings += r.bookings;
        g.no_shows += r.no_shows;
        g.cancellations += r.cancellations;
      }
    }
    for (auto& [key, row] : grouped) out.push_back(std::move(row));
    return out;
  }

  for (std::size_t w = 0; w < weeks.size(); ++w) {
    const auto first = out.size();
    for (auto& rows : per_space) out.push_back(std::move(rows[w]));
    std::stable_sort(out.begin() + static_cast<std::ptrdiff_t>(first), out.end(),
                     [](const auto& a, const auto& b) { return a.label < b.label; });
  }
  return out;
}

time_range report_range(const date::time_zone* zone, date::year_month_day first,
                        date::year_month_day last) {
  auto midnight = [zone](date::local_days d) {
    return zone->to_sys(date::local_seconds{d}, date::choose::earliest);
  };
  return {midnight(date::local_days{first}), midnight(date::local_days{last} + date::days{1})};
}

}  // namespace hubgate::domain
