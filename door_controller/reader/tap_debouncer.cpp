#include "door_controller/reader/tap_debouncer.hpp"

namespace hubgate::door {

std::optional<tap_debouncer::uid> tap_debouncer::observe(const std::optional<uid>& seen,
                                                         time_point now) {
  if (current_ && now - last_seen_ > debounce_) current_.reset();
  if (!seen) return std::nullopt;
  if (current_ && *current_ == *seen) {
    last_seen_ = now;
    if (rearm_.count() > 0 && now - tapped_at_ >= rearm_) {
      tapped_at_ = now;
      return seen;
    }
    return std::nullopt;
  }
  current_ = seen;
  last_seen_ = now;
  tapped_at_ = now;
  return seen;
}

}  // namespace hubgate::door
