// Who performs an operation: every application-service call takes one, so authorisation is
// decided in the domain, not in handlers.
#pragma once
#include <string>
#include <vector>

#include "booking/domain/user.hpp"

namespace hubgate::domain {

struct actor {
  std::string user_id;
  domain::role role = role::member;
  std::vector<std::string> group_ids;

  bool is_admin() const noexcept { return role == role::admin; }
  static actor of(const user& u) { return {u.id, u.role, u.group_ids}; }
};

}  // namespace hubgate::domain
