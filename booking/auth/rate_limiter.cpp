#include "booking/auth/rate_limiter.hpp"

#include <iterator>

namespace hubgate::auth {

rate_limiter::rate_limiter(std::size_t max_failures, clock::duration window)
    : max_failures_(max_failures), window_(window) {}

void rate_limiter::prune(std::deque<clock::time_point>& q, clock::time_point now) const {
  while (!q.empty() && q.front() + window_ <= now) q.pop_front();
}

std::optional<std::chrono::seconds> rate_limiter::blocked_for(std::string_view key,
                                                              clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = failures_.find(std::string(key));
  if (it == failures_.end()) return std::nullopt;
  prune(it->second, now);
  if (it->second.empty()) {
    failures_.erase(it);
    return std::nullopt;
  }
  if (it->second.size() < max_failures_) return std::nullopt;
  auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.front() + window_ - now);
  return std::max(wait, std::chrono::seconds{1});
}

void rate_limiter::sweep(clock::time_point now) {
  if (last_sweep_ && now - *last_sweep_ < window_) return;
  last_sweep_ = now;
  for (auto it = failures_.begin(); it != failures_.end();) {
    prune(it->second, now);
    it = it->second.empty() ? failures_.erase(it) : std::next(it);
  }
}

void rate_limiter::record_failure(std::string_view key, clock::time_point now) {
  std::lock_guard lock(mutex_);
  sweep(now);
  auto& q = failures_[std::string(key)];
  prune(q, now);
  q.push_back(now);
  // Keep memory bounded per key: only the newest failures matter for the decision.
  while (q.size() > max_failures_) q.pop_front();
}

std::size_t rate_limiter::tracked_keys() {
  std::lock_guard lock(mutex_);
  return failures_.size();
}

void rate_limiter::reset(std::string_view key) {
  std::lock_guard lock(mutex_);
  failures_.erase(std::string(key));
}

}  // namespace hubgate::auth
