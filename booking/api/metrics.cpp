#include "booking/api/metrics.hpp"

#include <fmt/format.h>

namespace hubgate::api {

void metrics::observe_request(std::string_view method, std::string_view route, int status,
                              std::chrono::microseconds duration) {
  const double seconds = static_cast<double>(duration.count()) / 1e6;
  std::lock_guard lock(mutex_);
  ++requests_[{std::string(method), std::string(route), status}];
  std::size_t i = 0;
  while (i < bounds_.size() && seconds > bounds_[i]) ++i;
  ++buckets_[i];
  duration_sum_ += seconds;
  ++duration_count_;
}

std::string metrics::render() const {
  std::string out;
  out += "# HELP hubgate_http_requests_total HTTP API requests by method, route and status.\n";
  out += "# TYPE hubgate_http_requests_total counter\n";
  std::lock_guard lock(mutex_);
  for (const auto& [key, count] : requests_) {
    const auto& [method, route, status] = key;
    out +=
        fmt::format("hubgate_http_requests_total{{method=\"{}\",route=\"{}\",status=\"{}\"}} {}\n",
                    method, route, status, count);
  }
  out += "# HELP hubgate_http_request_duration_seconds Time spent handling API requests.\n";
  out += "# TYPE hubgate_http_request_duration_seconds histogram\n";
  unsigned long cumulative = 0;
  for (std::size_t i = 0; i < bounds_.size(); ++i) {
    cumulative += buckets_[i];
    out += fmt::format("hubgate_http_request_duration_seconds_bucket{{le=\"{}\"}} {}\n", bounds_[i],
                       cumulative);
  }
  cumulative += buckets_[bounds_.size()];
  out +=
      fmt::format("hubgate_http_request_duration_seconds_bucket{{le=\"+Inf\"}} {}\n", cumulative);
  out += fmt::format("hubgate_http_request_duration_seconds_sum {}\n", duration_sum_);
  out += fmt::format("hubgate_http_request_duration_seconds_count {}\n", duration_count_);
  auto counter = [&](std::string_view name, std::string_view help, unsigned long v) {
    out += fmt::format("# HELP {} {}\n# TYPE {} counter\n{} {}\n", name, help, name, name, v);
  };
  counter("hubgate_bookings_created_total", "Bookings created through the API.",
          bookings_created_.load());
  counter("hubgate_logins_total", "Successful password logins.", logins_.load());
  counter("hubgate_login_failures_total", "Refused password logins.", login_failures_.load());
  counter("hubgate_no_show_releases_total", "Bookings released as no-shows.", released_.load());
  return out;
}

}  // namespace hubgate::api
