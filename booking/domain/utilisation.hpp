// Utilisation of a site's spaces per ISO week (site-local): booked seat-hours against the
// seat-hours the spaces are open, with booking, no-show and cancellation counts. Pure.
#pragma once
#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/opening_hours.hpp"
#include "booking/domain/space.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::domain {

enum class utilisation_grouping { space, kind };
std::string_view to_string(utilisation_grouping g) noexcept;
std::optional<utilisation_grouping> parse_utilisation_grouping(std::string_view s) noexcept;

// A space as the report sees it: its effective hours (its own or the site's) and closures
// (the site's and its own).
struct utilisation_space {
  std::string id;
  std::string name;
  space_kind kind = space_kind::room;
  int capacity = 0;
  weekly_hours hours;
  std::vector<closure> closures;
};

struct utilisation_input {
  const date::time_zone* zone = nullptr;  // the site's
  time_range range;                       // usually local midnights, see report_range
  std::vector<utilisation_space> spaces;
  std::vector<booking> bookings;  // of these spaces, any status
  utilisation_grouping group_by = utilisation_grouping::space;
};

struct utilisation_row {
  int iso_year = 0;
  unsigned iso_week = 0;
  date::year_month_day week_start;  // the Monday, local
  time_range period;                // the part of the week inside the range (partial weeks)
  std::string key;                  // the space id, or the kind
  std::string label;                // the space name, or the kind
  space_kind kind = space_kind::room;
  std::chrono::seconds booked_seat_time{0};    // seats x time within opening hours
  std::chrono::seconds capacity_seat_time{0};  // capacity x opening time
  int bookings = 0;       // confirmed, checked-in or completed, starting in the period
  int no_shows = 0;       // released, starting in the period
  int cancellations = 0;  // cancelled, starting in the period

  double booked_seat_hours() const noexcept { return booked_seat_time.count() / 3600.0; }
  double capacity_seat_hours() const noexcept { return capacity_seat_time.count() / 3600.0; }
  // booked / capacity in percent; empty when the spaces were not open at all.
  std::optional<double> utilisation_percent() const noexcept;
};

// Whether a booking in this status used its seats (pending ones are not yet granted;
// released and cancelled ones gave them back).
bool counts_as_booked(booking_status s) noexcept;

// Rows ordered by week, then label. A week is cut at the range's ends.
std::vector<utilisation_row> compute_utilisation(const utilisation_input& in);

// The UTC range from local midnight of `first` to local midnight after `last` in `zone`
// (a midnight skipped by DST maps to the transition).
time_range report_range(const date::time_zone* zone, date::year_month_day first,
                        date::year_month_day last);

}  // namespace hubgate::domain
