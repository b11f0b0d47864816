#include "booking/controllers/tap_check_in.hpp"

#include <algorithm>
#include <string>

#include "booking/access/check_in_doors.hpp"

namespace hubgate::controllers {

domain::outcome<std::vector<domain::booking>> check_in_by_tap(
    domain::catalog_repository& catalog, domain::booking_repository& bookings,
    domain::booking_service& service, std::string_view user_id, std::string_view door_id,
    std::chrono::sys_seconds at, std::chrono::seconds early_grace) {
  domain::booking_filter f;
  f.user_id = std::string(user_id);
  f.from = at;                                        // still running
  f.to = at + early_grace + std::chrono::seconds{1};  // or about to start
  f.statuses = {domain::booking_status::confirmed};
  auto due = bookings.list_bookings(f);
  if (!due) return due.error();
  std::vector<domain::booking> checked_in;
  const domain::actor system{"system", domain::role::admin, {}};
  for (const auto& b : *due) {
    auto space = catalog.get_space(b.space_id);
    if (!space) continue;
    auto doors = catalog.list_doors(space->site_id);
    if (!doors) return doors.error();
    const auto ids = access::check_in_doors(*space, *doors);
    if (std::find(ids.begin(), ids.end(), door_id) == ids.end()) continue;
    auto r = service.check_in(system, b.id, at);
    if (r) checked_in.push_back(std::move(*r));
  }
  return checked_in;
}

}  // namespace hubgate::controllers
