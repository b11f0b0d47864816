// Counts failed attempts per key (a remote address) in a sliding window, so login
// guessing is throttled; in memory, as a restart only gives an attacker one fresh window.
#pragma once
#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hubgate::auth {

class rate_limiter {
 public:
  using clock = std::chrono::steady_clock;

  rate_limiter(std::size_t max_failures, clock::duration window);

  // When `key` is locked out at `now`: how long until the oldest failure leaves the window.
  std::optional<std::chrono::seconds> blocked_for(std::string_view key, clock::time_point now);
  void record_failure(std::string_view key, clock::time_point now);
  void reset(std::string_view key);
  // Keys with a failure still in the window (memory: at most one sweep's worth of stale keys).
  std::size_t tracked_keys();

 private:
  void prune(std::deque<clock::time_point>& q, clock::time_point now) const;
  // Drops every key whose failures have all left the window; runs at most once per window, so
  // guessing from many addresses or for many accounts cannot grow the map without bound.
  void sweep(clock::time_point now);

  std::size_t max_failures_;
  clock::duration window_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<clock::time_point>> failures_;
  std::optional<clock::time_point> last_sweep_;
};

}  // namespace hubgate::auth
