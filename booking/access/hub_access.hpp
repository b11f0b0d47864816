// The pure half of what the stream serves: from a snapshot of the hub (bookings, standing
// grants, cards, list keys) to each controller's access list and each site's card index.
// No I/O and no clock read: `now` is a parameter, so the same state gives the same lists.
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "booking/access/access_derivation.hpp"
#include "booking/domain/credential.hpp"
#include "booking/domain/ports.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::access {

// site id -> card pseudonym under that site's list key -> the credential behind it.
using pseudonym_index =
    std::map<std::string, std::map<protocol::pseudonym, domain::credential>, std::less<>>;

struct hub_access {
  access_lists lists;
  pseudonym_index cards;
};

// Only bookings that can open a door within the horizon seen from `now` need reading.
domain::booking_filter bookings_that_open_doors(const derivation_options& opt,
                                                std::chrono::sys_seconds now);

// True when some door has a controller, i.e. there is a list to serve at all.
bool any_door_on_a_controller(const std::vector<domain::door>& doors);

// The lists of derive_access_lists plus, per site with a list key, the pseudonym of every
// credential whose card id parses.
result<hub_access> derive_hub_access(const hub_state& state, const derivation_options& opt,
                                     std::chrono::sys_seconds now);

}  // namespace hubgate::access
