#include "booking/auth/auth_cache.hpp"

#include <algorithm>
#include <iterator>

#include "booking/auth/secret_token.hpp"

namespace hubgate::auth {

auth_cache::auth_cache(std::chrono::steady_clock::duration ttl, std::size_t max_entries)
    : ttl_(ttl), max_entries_(max_entries) {}

std::string auth_cache::key_of(std::string_view clear_token) {
  return sha256_hex(clear_token);
}

std::uint64_t auth_cache::generation() const {
  std::lock_guard lock(mutex_);
  return generation_;
}

std::optional<cached_identity> auth_cache::find(const std::string& key) const {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(key);
  if (it == entries_.end() || std::chrono::steady_clock::now() - it->second.fetched >= ttl_)
    return std::nullopt;
  return it->second.identity;
}

void auth_cache::put(const std::string& key, cached_identity identity, std::uint64_t generation) {
  identity.who.session_token.clear();
  const auto now = std::chrono::steady_clock::now();
  std::lock_guard lock(mutex_);
  if (generation != generation_) return;
  if (entries_.size() >= max_entries_) {
    std::erase_if(entries_, [&](const auto& e) { return now - e.second.fetched >= ttl_; });
    if (entries_.size() >= max_entries_) entries_.clear();
  }
  // A lookup that read the store before a touch must not move last_seen back.
  if (auto it = entries_.find(key); it != entries_.end())
    identity.last_seen = std::max(identity.last_seen, it->second.identity.last_seen);
  entries_.insert_or_assign(key, entry{std::move(identity), now});
}

void auth_cache::note_seen(const std::string& key, std::chrono::sys_seconds at) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(key); it != entries_.end())
    it->second.identity.last_seen = std::max(it->second.identity.last_seen, at);
}

void auth_cache::forget_token(std::string_view clear_token) {
  const auto key = key_of(clear_token);
  std::lock_guard lock(mutex_);
  bump_locked();
  entries_.erase(key);
}

void auth_cache::forget_api_token_id(std::string_view id) {
  std::lock_guard lock(mutex_);
  bump_locked();
  std::erase_if(entries_, [&](const auto& e) { return e.second.identity.who.api_token_id == id; });
}

void auth_cache::forget_user(std::string_view user_id) {
  std::lock_guard lock(mutex_);
  bump_locked();
  std::erase_if(entries_, [&](const auto& e) { return e.second.identity.who.user.id == user_id; });
}

}  // namespace hubgate::auth
