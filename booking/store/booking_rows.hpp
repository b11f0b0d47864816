// Row <-> record mapping for bookings and the overlap queries the capacity and quota checks
// run inside the writer's transaction. Internal to booking/store.
#pragma once
#include <string_view>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

inline constexpr const char* booking_columns =
    "id, space_id, user_id, start_at, end_at, seats, title, status, created_at, "
    "checked_in_at, series_id";

outcome<domain::booking> read_booking(const statement& st);

// What occupancy needs of a booking: id, space, interval, seats, status (read_slot's columns).
inline constexpr const char* slot_columns = "id, space_id, start_at, end_at, seats, status";
outcome<domain::booking> read_slot(const statement& st);
void bind_booking(statement& st, const domain::booking& b);

// Active bookings of the space overlapping `window` (index bookings_space_time).
outcome<std::vector<domain::booking>> active_bookings_of_space(connection& c,
                                                               std::string_view space_id,
                                                               domain::time_range window);
// Appends the active bookings of the space overlapping `window` to `out`, with only what
// capacity checks read (id, space_id, start, end, seats, status): the hot path of every
// insert and availability search. `longest` bounds the length of any stored booking.
outcome<void> append_active_slots(connection& c, std::string_view space_id,
                                  domain::time_range window, std::int64_t longest,
                                  std::vector<domain::booking>& out);
// Active bookings of the user overlapping `window` (index bookings_user_time); `longest` as
// above.
outcome<std::vector<domain::booking>> active_bookings_of_user(connection& c,
                                                              std::string_view user_id,
                                                              domain::time_range window,
                                                              std::int64_t longest);

}  // namespace hubgate::store
