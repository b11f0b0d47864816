// The SQLite booking repository: capacity, buffer and quota are checked by the domain's
// functions inside the same write transaction that inserts. Internal to booking/store.
#pragma once
#include "booking/domain/ports.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

class sqlite_bookings final : public domain::booking_repository, private sqlite_access {
public:
  using sqlite_access::sqlite_access;

  outcome<domain::booking> insert_booking(
      domain::booking candidate, const std::optional<domain::quota_check>& quota) override;
  outcome<domain::booking> get_booking(std::string_view id) override;
  outcome<std::vector<domain::booking>> list_bookings(
      const domain::booking_filter& filter) override;
  outcome<domain::booking> set_status(std::string_view id, domain::booking_status from,
                                      domain::booking_status to,
                                      std::optional<domain::sys_seconds> checked_in_at) override;
};

}  // namespace hubgate::store
