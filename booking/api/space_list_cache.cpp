#include "booking/api/space_list_cache.hpp"

namespace hubgate::api {

std::shared_ptr<const std::string> space_list_cache::get(
    const std::string& key, const std::shared_ptr<const void>& version,
    const std::function<std::string()>& render) {
  {
    std::lock_guard lock(mutex_);
    if (version_ == version)
      if (auto it = bodies_.find(key); it != bodies_.end()) return it->second;
  }
  // Rendered outside the lock: two callers may render the same list once each.
  auto body = std::make_shared<const std::string>(render());
  std::lock_guard lock(mutex_);
  if (version_ != version) {
    version_ = version;
    bodies_.clear();
  }
  if (bodies_.size() >= max_bodies) bodies_.clear();
  bodies_[key] = body;
  return body;
}

}  // namespace hubgate::api
