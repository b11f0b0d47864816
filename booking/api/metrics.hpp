// Service metrics for GET /metrics in the Prometheus text format: requests per route and
// status, a latency histogram, and counters of the events operators watch (bookings, logins).
#pragma once
#include <array>
#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>

namespace hubgate::api {

class metrics {
 public:
  // `route` is the pattern ("/api/v1/bookings/{id}"), never the raw path, to bound labels.
  void observe_request(std::string_view method, std::string_view route, int status,
                       std::chrono::microseconds duration);
  void booking_created() { bookings_created_.fetch_add(1, std::memory_order_relaxed); }
  void login_failed() { login_failures_.fetch_add(1, std::memory_order_relaxed); }
  void login_succeeded() { logins_.fetch_add(1, std::memory_order_relaxed); }
  void no_shows_released(std::size_t n) { released_.fetch_add(n, std::memory_order_relaxed); }

  std::string render() const;

 private:
  static constexpr std::array<double, 10> bounds_ = {0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,  0.1,    0.25,  0.5,  1.0};
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, unsigned long> requests_;
  std::array<unsigned long, bounds_.size() + 1> buckets_{};
  double duration_sum_ = 0;
  unsigned long duration_count_ = 0;
  std::atomic<unsigned long> bookings_created_{0}, login_failures_{0}, logins_{0}, released_{0};
};

}  // namespace hubgate::api
