// The door's electrical side as the door loop sees it: the lock relay it drives and the door
// sensor and exit button it watches. libgpiod and the software twin are implementations.
#pragma once
#include <boost/system/result.hpp>
#include <functional>
#include <string>

namespace hubgate::door {

struct io_event {
  enum class kind { door_opened, door_closed, button_pressed, button_released, lost, recovered };
  kind what = kind::door_opened;
  // True for the state read once when watching starts, which is not a change.
  bool initial = false;
  std::string detail;
};

class door_io {
 public:
  using sink = std::function<void(io_event)>;
  virtual ~door_io() = default;
  // Starts watching the inputs; events arrive on the adapter's own thread.
  virtual void start(sink on_event) = 0;
  virtual void stop() = 0;
  // Drives the lock relay (on: unlocked for a fail-secure lock).
  virtual boost::system::result<void> set_relay(bool on) = 0;
};

}  // namespace hubgate::door
