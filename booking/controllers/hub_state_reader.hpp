// The I/O half of derivation: reads the snapshot derive_hub_access needs from the stores,
// making a site's list key on first need.
#pragma once
#include <chrono>
#include <optional>

#include "booking/access/derivation_options.hpp"
#include "booking/access/hub_state.hpp"
#include "booking/controllers/controller_repository.hpp"
#include "booking/domain/booking_service.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::controllers {

struct hub_ports {
  controller_repository& controllers;
  domain::catalog_repository& catalog;
  domain::booking_repository& bookings;
  domain::user_repository& users;
  domain::booking_service& booking_service;
};

// The hub as the stores hold it at `now`; std::nullopt when no door is on a controller (then
// there is nothing to serve, and the bookings are not read at all).
outcome<std::optional<access::hub_state>> read_hub_state(const hub_ports& ports,
                                                         const access::derivation_options& opt,
                                                         std::chrono::sys_seconds now);

}  // namespace hubgate::controllers
