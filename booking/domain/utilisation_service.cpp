#include "booking/domain/utilisation_service.hpp"

#include <algorithm>
#include <set>

#include "booking/domain/local_time.hpp"

namespace hubgate::domain {

utilisation_service::utilisation_service(catalog_repository& catalog, report_repository& reports)
    : catalog_(catalog), reports_(reports) {}

outcome<utilisation_report> utilisation_service::report(const actor& who,
                                                        const utilisation_query& q,
                                                        sys_seconds now) {
  if (!who.is_admin()) return failure(errc::forbidden, "reports are for admins");
  auto site = catalog_.get_site(q.site_id);
  if (!site) return site.error();
  auto zone = find_zone(site->time_zone);
  if (!zone) return zone.error();

  const auto today = date::sys_days{local_date(*zone, now)};
  const auto sunday = today + date::days{7 - date::weekday{today}.iso_encoding()};
  const auto last = q.last.value_or(date::year_month_day{sunday});
  const auto first = q.first.value_or(date::year_month_day{date::sys_days{last} - date::days{27}});
  if (!first.ok()) return field_failure("from", "invalid", "not a calendar date");
  if (!last.ok()) return field_failure("to", "invalid", "not a calendar date");
  const auto days = (date::sys_days{last} - date::sys_days{first}).count() + 1;
  if (days < 1) return field_failure("to", "before_start", "to is before from");
  if (days > max_report_days)
    return field_failure("to", "out_of_range", "a report spans at most 371 days");

  utilisation_input in;
  in.zone = *zone;
  in.range = report_range(*zone, first, last);
  in.group_by = q.group_by;
  auto bookings = reports_.site_bookings(site->id, in.range);
  if (!bookings) return bookings.error();
  in.bookings = std::move(*bookings);

  space_filter filter;
  filter.site_id = site->id;
  filter.include_inactive = true;
  auto spaces = catalog_.list_spaces(filter);
  if (!spaces) return spaces.error();
  // Deactivated spaces stay in the report for the weeks they were booked.
  std::set<std::string_view> booked;
  for (const auto& b : in.bookings) booked.insert(b.space_id);
  for (const auto& s : *spaces) {
    if (!s.active && !booked.contains(s.id)) continue;
    utilisation_space u;
    u.id = s.id;
    u.name = s.name;
    u.kind = s.kind;
    u.capacity = s.capacity;
    u.hours = s.opening_hours.value_or(site->opening_hours);
    u.closures = site->closures;
    u.closures.insert(u.closures.end(), s.closures.begin(), s.closures.end());
    in.spaces.push_back(std::move(u));
  }

  utilisation_report out;
  out.site_id = site->id;
  out.time_zone = site->time_zone;
  out.first = first;
  out.last = last;
  out.range = in.range;
  out.group_by = q.group_by;
  out.rows = compute_utilisation(in);
  return out;
}

}  // namespace hubgate::domain
