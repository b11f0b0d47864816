// Where the door loop records its events: durably, before it acts on them. The daemon's
// journal is the local store's upload queue; unit tests hand in a vector.
#pragma once
#include <boost/system/result.hpp>

#include "protocol/event.hpp"

namespace hubgate::door {

class local_store;

class event_journal {
 public:
  virtual ~event_journal() = default;
  // Returns only once the event is durable (or failed).
  virtual boost::system::result<void> append(const protocol::access_event& event) = 0;
};

// Appends to the store's event queue; the store must outlive the journal.
class store_journal final : public event_journal {
 public:
  explicit store_journal(local_store& store) : store_(store) {}
  boost::system::result<void> append(const protocol::access_event& event) override;

 private:
  local_store& store_;
};

}  // namespace hubgate::door
