#include "normal_client.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>

namespace hubgate::stress {
namespace {

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return 0;
  const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size()));
  return sorted[std::min(rank, sorted.size() - 1)];
}

}  // namespace

std::string normal_client_report::summary() const {
  return fmt::format(
      "normal client: {} requests, {} failed, latency p50 {:.1f} ms p99 {:.1f} ms max {:.1f} ms",
      requests, failures, p50_ms, p99_ms, max_ms);
}

normal_client::normal_client(test::api_service& svc, test::caller who, std::string space_id)
    : svc_(svc), who_(std::move(who)), space_id_(std::move(space_id)), thread_([this] { run(); }) {}

normal_client::~normal_client() {
  stop();
}

void normal_client::one_request(client::https_client& kept, long n) {
  // Every tenth request opens a fresh connection: new connections must still be accepted.
  std::unique_ptr<client::https_client> fresh;
  if (n % 10 == 9) fresh = svc_.client();
  client::https_client& c = fresh ? *fresh : kept;
  std::string method = "GET", target, body;
  int expected = 200;
  switch (n % 3) {
    case 0:
      target = "/api/v1/spaces";
      break;
    case 1:
      target = "/api/v1/spaces/" + space_id_ + "/availability?from=" + test::utc_at(5, 8) +
               "&to=" + test::utc_at(5, 18);
      break;
    default: {
      // Distinct quarter hours far ahead, so every booking fits.
      const int slot = static_cast<int>(n / 3);
      method = "POST";
      target = "/api/v1/bookings";
      body = test::booking_body(space_id_, test::utc_at(10 + slot / 96, 0, (slot % 96) * 15),
                                test::utc_at(10 + slot / 96, 0, (slot % 96) * 15 + 15));
      expected = 201;
    }
  }
  const auto started = std::chrono::steady_clock::now();
  std::string failure;
  try {
    auto r = svc_.call(c, method, target, &who_, body);
    if (r.status != expected)
      failure = fmt::format("{} {} -> {} {}", method, target, r.status, r.raw.body);
  } catch (const std::exception& e) {
    failure = fmt::format("{} {} -> transport error: {}", method, target, e.what());
  }
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::lock_guard lock(mutex_);
  latencies_ms_.push_back(ms);
  ++requests_;
  if (!failure.empty()) {
    ++failures_;
    if (first_failures_.size() < 5) first_failures_.push_back(std::move(failure));
  }
}

void normal_client::run() {
  auto kept = svc_.client();
  std::unique_lock lock(mutex_);
  for (long n = 0; !stopping_; ++n) {
    lock.unlock();
    one_request(*kept, n);
    lock.lock();
    // A person's pace, not a load test: one request every 50 ms; stop() wakes it at once.
    wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping_; });
  }
}

normal_client_report normal_client::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  normal_client_report report;
  std::lock_guard lock(mutex_);
  report.requests = requests_;
  report.failures = failures_;
  report.first_failures = first_failures_;
  auto sorted = latencies_ms_;
  std::sort(sorted.begin(), sorted.end());
  report.p50_ms = percentile(sorted, 50);
  report.p99_ms = percentile(sorted, 99);
  report.max_ms = sorted.empty() ? 0 : sorted.back();
  return report;
}

}  // namespace hubgate::stress
