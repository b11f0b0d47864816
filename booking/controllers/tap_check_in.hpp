// Check-in by tap (DESIGN §3): a granted tap at a check-in door of a space where the card's
// user has a confirmed booking whose check-in window is open checks that booking in.
#pragma once
#include <chrono>
#include <string_view>
#include <vector>

#include "booking/domain/booking_service.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::controllers {

// Checks in, as the system, every confirmed booking of `user_id` that is open for check-in
// at `at` and whose space has `door_id` among its check-in doors (so an entrance tap checks
// in a desk booking but not a lab booking). Returns the bookings checked in.
domain::outcome<std::vector<domain::booking>> check_in_by_tap(
    domain::catalog_repository& catalog, domain::booking_repository& bookings,
    domain::booking_service& service, std::string_view user_id, std::string_view door_id,
    std::chrono::sys_seconds at, std::chrono::seconds early_grace);

}  // namespace hubgate::controllers
