// Who a session cookie or bearer token belongs to, remembered for a few seconds so that a
// request does not pay two store reads to authenticate. Keyed by the token's SHA-256.
#pragma once
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "booking/auth/principal.hpp"

namespace hubgate::auth {

// What a lookup found: the principal (its clear session token left empty: the cache never
// holds one) and the bookkeeping the authenticator needs without asking the store again.
struct cached_identity {
  principal who;
  std::chrono::sys_seconds expires_at{};  // of the session or the bearer token
  std::chrono::sys_seconds last_seen{};   // session last_seen or token last_used
};

// The short lifetime bounds staleness for changes made behind this process's back; every
// change made through it (logout, token revocation, user update) is forgotten at once. A
// lookup that raced with such a change is not stored (the generation moved on meanwhile).
class auth_cache {
 public:
  explicit auth_cache(std::chrono::steady_clock::duration ttl = std::chrono::seconds{5},
                      std::size_t max_entries = 100000);

  static std::string key_of(std::string_view clear_token);  // SHA-256, hex

  // Call before the store reads whose result will be put().
  std::uint64_t generation() const;
  std::optional<cached_identity> find(const std::string& key) const;
  void put(const std::string& key, cached_identity identity, std::uint64_t generation);
  // last_seen only moves forward, by a touch or by put().
  void note_seen(const std::string& key, std::chrono::sys_seconds at);

  void forget_token(std::string_view clear_token);
  void forget_api_token_id(std::string_view id);
  void forget_user(std::string_view user_id);

 private:
  struct entry {
    cached_identity identity;
    std::chrono::steady_clock::time_point fetched;
  };
  void bump_locked() { ++generation_; }

  std::chrono::steady_clock::duration ttl_;
  std::size_t max_entries_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, entry> entries_;
  std::uint64_t generation_ = 0;
};

}  // namespace hubgate::auth
