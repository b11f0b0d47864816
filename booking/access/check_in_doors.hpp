// Which doors check a booking in when a granted card is tapped there: a space's own doors if
// it has any, else the doors that lead into it (the entrance, for desks on an open floor).
#pragma once
#include <string>
#include <vector>

#include "booking/domain/door.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::access {

// Ids in the order of `doors`. A tap at the entrance thus checks in a desk booking but not a
// lab booking: the lab has a door of its own.
std::vector<std::string> check_in_doors(const domain::space& space,
                                        const std::vector<domain::door>& doors);

}  // namespace hubgate::access
