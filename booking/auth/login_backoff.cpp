#include "booking/auth/login_backoff.hpp"

#include <algorithm>
#include <iterator>

namespace hubgate::auth {

login_backoff::login_backoff(backoff_policy policy) : policy_(policy) {}

std::chrono::seconds login_backoff::lockout_after(std::size_t failures) const {
  if (policy_.free_failures == 0 || failures < policy_.free_failures) return {};
  auto lockout = policy_.first_lockout;
  // Doubling stops at the ceiling, long before the count could overflow the duration.
  for (std::size_t n = policy_.free_failures; n < failures && lockout < policy_.longest_lockout;
       ++n)
    lockout *= 2;
  return std::min(lockout, policy_.longest_lockout);
}

bool login_backoff::stale(const streak& s, clock::time_point now) const {
  return now >= s.locked_until + policy_.forget_after &&
         now >= s.last_failure + policy_.forget_after;
}

std::optional<std::chrono::seconds> login_backoff::blocked_for(std::string_view key,
                                                               clock::time_point now) {
  std::lock_guard lock(mutex_);
  auto it = streaks_.find(std::string(key));
  if (it == streaks_.end()) return std::nullopt;
  if (stale(it->second, now)) {
    streaks_.erase(it);
    return std::nullopt;
  }
  if (it->second.locked_until <= now) return std::nullopt;
  auto wait = std::chrono::ceil<std::chrono::seconds>(it->second.locked_until - now);
  return std::max(wait, std::chrono::seconds{1});
}

void login_backoff::sweep(clock::time_point now) {
  if (last_sweep_ && now - *last_sweep_ < policy_.forget_after) return;
  last_sweep_ = now;
  for (auto it = streaks_.begin(); it != streaks_.end();)
    it = stale(it->second, now) ? streaks_.erase(it) : std::next(it);
}

void login_backoff::record_failure(std::string_view key, clock::time_point now) {
  std::lock_guard lock(mutex_);
  sweep(now);
  auto& s = streaks_[std::string(key)];
  if (s.failures > 0 && stale(s, now)) s = streak{};
  ++s.failures;
  s.last_failure = now;
  if (auto lockout = lockout_after(s.failures); lockout > std::chrono::seconds{0})
    s.locked_until = now + lockout;
}

void login_backoff::reset(std::string_view key) {
  std::lock_guard lock(mutex_);
  streaks_.erase(std::string(key));
}

std::size_t login_backoff::tracked_keys() {
  std::lock_guard lock(mutex_);
  return streaks_.size();
}

}  // namespace hubgate::auth
