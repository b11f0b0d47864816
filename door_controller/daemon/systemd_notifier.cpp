#include "door_controller/daemon/systemd_notifier.hpp"

#include <systemd/sd-daemon.h>

#include <cstdint>

namespace hubgate::door {

systemd_notifier::systemd_notifier() {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) > 0 && usec > 0)
    interval_ = std::chrono::microseconds(usec / 2);
}

void systemd_notifier::ready() {
  sd_notify(0, "READY=1");
}

void systemd_notifier::stopping() {
  sd_notify(0, "STOPPING=1");
}

std::optional<std::chrono::steady_clock::time_point> systemd_notifier::keepalive(
    std::chrono::steady_clock::time_point now) {
  if (!interval_) return std::nullopt;
  if (now >= next_ping_) {
    sd_notify(0, "WATCHDOG=1");
    next_ping_ = now + *interval_;
  }
  return next_ping_;
}

}  // namespace hubgate::door
