// systemd integration for Type=notify units: READY=1 once the daemon is up, WATCHDOG=1 at half
// the WatchdogSec interval, STOPPING=1 on the way out. Does nothing outside systemd.
#pragma once
#include <chrono>
#include <optional>

namespace hubgate::door {

class systemd_notifier {
 public:
  systemd_notifier();
  void ready();
  void stopping();
  // Pings the watchdog when it is due; returns when the next ping is due (nullopt: no watchdog).
  std::optional<std::chrono::steady_clock::time_point> keepalive(
      std::chrono::steady_clock::time_point now);

 private:
  std::optional<std::chrono::microseconds> interval_;
  std::chrono::steady_clock::time_point next_ping_{};
};

}  // namespace hubgate::door
