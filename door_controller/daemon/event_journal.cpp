#include "door_controller/daemon/event_journal.hpp"

#include "door_controller/cache/local_store.hpp"

namespace hubgate::door {

boost::system::result<void> store_journal::append(const protocol::access_event& event) {
  return store_.append_event(event);
}

}  // namespace hubgate::door
