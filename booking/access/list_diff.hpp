// Deltas between two versions of a board's access list, and which boards a recomputation of
// every list changed: the service recomputes all lists after a change and sends only these.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "booking/access/access_derivation.hpp"
#include "protocol/access_list.hpp"

namespace hubgate::access {

// The smallest delta that turns `before` into `after`: entries whose windows changed or that
// are new are upserted, vanished ones removed, revocations added/removed. apply_delta(before,
// delta) then holds exactly the entries and revocations of `after`; only their order may
// differ (new ones are appended), which no board decision depends on.
protocol::access_list_delta diff_access_lists(const protocol::access_list& before,
                                              const protocol::access_list& after);

bool empty(const protocol::access_list_delta& delta) noexcept;

// Sorts entries by (door, card, source) and revoked pseudonyms, dropping duplicate
// revocations: the order derive_access_lists produces.
void sort_canonically(protocol::access_list& list);

// Whether two lists hold the same entries and revocations, whatever their order.
bool same_contents(protocol::access_list a, protocol::access_list b);

// controller id -> the delta it needs, for every controller whose list changed. A controller
// present only in `after` gets its whole list as upserts; one present only in `before` (its
// doors were removed) gets a delta that empties its list.
std::map<std::string, protocol::access_list_delta, std::less<>> diff_all(const access_lists& before,
                                                                         const access_lists& after);

// The ids of diff_all, sorted.
std::vector<std::string> affected_controllers(const access_lists& before,
                                              const access_lists& after);

}  // namespace hubgate::access
