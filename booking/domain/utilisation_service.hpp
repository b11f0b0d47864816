// The utilisation report use case: reads a site, its spaces and their bookings over a range
// of local dates and hands them to compute_utilisation. Admins only.
#pragma once
#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

#include "booking/domain/actor.hpp"
#include "booking/domain/calendar_ports.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/utilisation.hpp"

namespace hubgate::domain {

struct utilisation_query {
  std::string site_id;
  // Local dates, both inclusive. Without them: the four ISO weeks ending with the current one.
  std::optional<date::year_month_day> first;
  std::optional<date::year_month_day> last;
  utilisation_grouping group_by = utilisation_grouping::space;
};

struct utilisation_report {
  std::string site_id;
  std::string time_zone;
  date::year_month_day first;  // the dates reported on
  date::year_month_day last;
  time_range range;
  utilisation_grouping group_by = utilisation_grouping::space;
  std::vector<utilisation_row> rows;
};

// The longest range one report may span, so a request cannot make the service walk decades.
inline constexpr int max_report_days = 371;

class utilisation_service {
 public:
  utilisation_service(catalog_repository& catalog, report_repository& reports);

  // validation_failed for last < first or a range over max_report_days; not_found for an
  // unknown site; forbidden for non-admins.
  outcome<utilisation_report> report(const actor& who, const utilisation_query& q, sys_seconds now);

 private:
  catalog_repository& catalog_;
  report_repository& reports_;
};

}  // namespace hubgate::domain
