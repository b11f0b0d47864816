// Everything access-list derivation reads: the hub's model as the store holds it, plus each
// site's list key. A plain snapshot, so derivation stays a pure function of it.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/credential.hpp"
#include "booking/domain/door.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/site.hpp"
#include "booking/domain/space.hpp"
#include "booking/domain/user.hpp"

namespace hubgate::access {

struct hub_state {
  std::vector<domain::site> sites;
  std::vector<domain::space> spaces;
  std::vector<domain::door> doors;
  std::vector<domain::group> groups;
  std::vector<domain::user> users;
  std::vector<domain::credential> credentials;
  // Bookings that may open a door; others (pending, cancelled, ...) may be present and are
  // ignored, so a caller can pass "active bookings" straight from the store.
  std::vector<domain::booking> bookings;
  // site id -> the secret key card pseudonyms of that site's boards are made with.
  std::map<std::string, std::vector<std::uint8_t>> list_keys;
};

}  // namespace hubgate::access
