// The active bookings of every space as time slots, held in memory so that availability
// searches over hundreds of spaces cost microseconds instead of one index seek per space.
// The SQLite backend loads it once when the store opens and the writer changes it after each
// commit; valid because this process alone writes the file. Capacity is still decided by the
// write transaction, never by this index. Internal to booking/store.
#pragma once
#include <cstdint>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::store {

class occupancy_index {
 public:
  // Records the booking's current state: an active booking is added (or updated), any other
  // status removes it. For a booking whose start, end, space or seats stayed as they were.
  void apply(const domain::booking& b);
  // Records an edit: `before` (as it was indexed) leaves and `after` enters, as one change.
  void replace(const domain::booking& before, const domain::booking& after);

  // The active bookings of each space overlapping its window, all seen at one instant.
  domain::slot_batch collect(std::span<const domain::space_window> spaces) const;

  std::size_t size() const;

 private:
  struct slot {
    std::int64_t end;
    int seats;
    domain::booking_status status;
    std::string id;
  };
  struct string_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept {
      return std::hash<std::string_view>{}(s);
    }
  };
  // Ordered by start. The starts sit apart from the rest so that the binary search of a
  // window touches few cache lines: a search does one per candidate space.
  struct slots {
    std::vector<std::int64_t> starts;
    std::vector<slot> rest;
  };

  // Under the unique lock: drops `b`'s slot (found by its start and id), adds it when active.
  void remove_locked(const domain::booking& b);
  void add_locked(const domain::booking& b);

  mutable std::shared_mutex mutex_;
  std::unordered_map<std::string, slots, string_hash, std::equal_to<>> by_space_;
  std::int64_t longest_ = 0;  // seconds: how far before a window an overlapping slot can start
  std::size_t size_ = 0;
};

}  // namespace hubgate::store
