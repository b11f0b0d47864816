// A verified access list as read back from the store or a file, with the position (epoch,
// sequence) the board must pass to protocol::accept for the next message.
#pragma once
#include <cstdint>
#include <string>

#include "protocol/access_list.hpp"

namespace hubgate::door {

struct loaded_list {
  protocol::access_list list;
  std::uint64_t epoch = 0;
  std::uint64_t sequence = 0;
  std::int64_t issued_at = 0;  // of the newest applied message: feed list_freshness with it
};

}  // namespace hubgate::door
