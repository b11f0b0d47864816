// Access-list derivation: turns the hub's state into each door controller's access list,
// expanding bookings, standing group grants and admin rights into UTC windows per card.
#pragma once
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include "booking/access/derivation_options.hpp"
#include "booking/access/errc.hpp"
#include "booking/access/hub_state.hpp"
#include "protocol/access_list.hpp"

namespace hubgate::access {

// controller id -> its list. Every controller named by a door is present, even with an empty
// list, so a board still receives the revocations of its site.
using access_lists = std::map<std::string, protocol::access_list, std::less<>>;

// A card opens a door only through (a) a confirmed or checked-in booking of a space behind it
// (its own doors, or the site entrance; a desk booking opens the entrance for its whole local
// day), (b) a standing grant of one of its user's groups, (c) its user being an admin. Only
// active, unexpired cards of active users get windows; suspended, lost and revoked cards, and
// every card of an inactive user, are listed as revoked on every board. Entries and revoked
// pseudonyms are sorted, so the same state and `now` give identical lists.
//
// Fails with errc::unknown_time_zone or errc::missing_list_key when a site that has doors with
// controllers cannot be expanded; the caller keeps the boards' previous lists then.
result<access_lists> derive_access_lists(const hub_state& state, const derivation_options& opt,
                                         std::chrono::sys_seconds now);

}  // namespace hubgate::access
