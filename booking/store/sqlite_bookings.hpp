// The SQLite booking repository: capacity, buffer and quota are checked by the domain's
// functions inside the same write transaction that inserts. Internal to booking/store.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>

#include "booking/domain/ports.hpp"
#include "booking/store/occupancy_index.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

class sqlite_bookings final : public domain::booking_repository, private sqlite_access {
 public:
  using sqlite_access::sqlite_access;

  // Fills the in-memory occupancy index from the file; once, before anything writes.
  outcome<void> load_occupancy();

  outcome<domain::booking> insert_booking(domain::booking candidate,
                                          const std::optional<domain::quota_check>& quota) override;
  void insert_booking_then(domain::booking candidate,
                           const std::optional<domain::quota_check>& quota,
                           std::function<void(outcome<domain::booking>)> done) override;
  outcome<domain::booking> get_booking(std::string_view id) override;
  outcome<std::vector<domain::booking>> list_bookings(
      const domain::booking_filter& filter) override;
  outcome<domain::slot_batch> list_active_slots(
      std::span<const domain::space_window> spaces) override;
  outcome<domain::booking> set_status(std::string_view id, domain::booking_status from,
                                      domain::booking_status to,
                                      std::optional<domain::sys_seconds> checked_in_at) override;
  void change_status_then(
      std::string_view id,
      std::function<outcome<domain::status_change>(const domain::booking&)> decide,
      std::function<void(outcome<domain::booking>)> done) override;
  void revise_booking_then(
      std::string_view id,
      std::function<outcome<domain::booking_admission>(const domain::booking&)> revise,
      std::function<void(outcome<domain::booking>)> done) override;

 private:
  // The capacity and quota checks and the insert, as one op for the writer; and what the
  // writer does once it is committed (the occupancy index learns the booking, or its change).
  std::function<outcome<domain::booking>(connection&)> admission(
      domain::booking candidate, std::optional<domain::quota_check> quota);
  std::function<void(const outcome<domain::booking>&)> index_after_commit();

  // The longest booking ever stored (seconds), a lower bound for start_at in overlap reads so
  // that they seek instead of scanning a space's whole history. Only grows: the writer raises
  // it before commit, the first reader takes the maximum from the table. Valid because this
  // process alone writes the file; a shared PostgreSQL backend would need its own bound.
  std::int64_t longest_booking(connection& c);
  void raise_longest(const domain::booking& b);
  std::atomic<std::int64_t> longest_{0};
  std::once_flag longest_loaded_;
  occupancy_index occupancy_;
};

}  // namespace hubgate::store
