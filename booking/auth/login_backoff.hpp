// Locks one key (an account, tried from one address) out of sign-in for a growing time after
// repeated failures: a few free tries, then a lockout that doubles with every further failure
// up to a ceiling. In memory, like the rate limiter, and swept of keys gone quiet.
#pragma once
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace hubgate::auth {

struct backoff_policy {
  std::size_t free_failures = 5;  // the failure that reaches this count starts the first lockout
  std::chrono::seconds first_lockout{std::chrono::minutes{1}};
  std::chrono::seconds longest_lockout{std::chrono::hours{1}};
  // A key with no failure and no lockout for this long starts afresh (and is swept).
  std::chrono::seconds forget_after{std::chrono::minutes{15}};
};

class login_backoff {
 public:
  using clock = std::chrono::steady_clock;

  explicit login_backoff(backoff_policy policy);

  // How long `key` is still locked out at `now`, if it is.
  std::optional<std::chrono::seconds> blocked_for(std::string_view key, clock::time_point now);
  void record_failure(std::string_view key, clock::time_point now);
  void reset(std::string_view key);  // a success
  std::size_t tracked_keys();

  // The lockout that the n-th failure (1-based) starts; zero while failures are free.
  std::chrono::seconds lockout_after(std::size_t failures) const;

 private:
  struct streak {
    std::size_t failures = 0;
    clock::time_point last_failure{};
    clock::time_point locked_until{};
  };
  bool stale(const streak& s, clock::time_point now) const;
  // Drops keys gone quiet; runs at most once per forget_after, so guessing for many accounts
  // or from many addresses cannot grow the map without bound.
  void sweep(clock::time_point now);

  backoff_policy policy_;
  std::mutex mutex_;
  std::unordered_map<std::string, streak> streaks_;
  std::optional<clock::time_point> last_sweep_;
};

}  // namespace hubgate::auth
