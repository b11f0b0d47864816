// A person who books spaces (member) or runs the hub (admin), and the groups they belong to.
// Password hashes are not part of it: they live behind auth_repository only.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::domain {

enum class role { member, admin };
std::string_view to_string(role r) noexcept;
std::optional<role> parse_role(std::string_view s) noexcept;

struct user {
  std::string id;     // assigned by the store when empty on create
  std::string email;  // unique, compared case-insensitively
  std::string display_name;
  domain::role role = role::member;
  std::vector<std::string> group_ids;
  bool active = true;
  std::string language = "en";  // preferred UI language (BCP 47)
  std::chrono::sys_seconds created_at{};
  friend bool operator==(const user&, const user&) = default;
};

}  // namespace hubgate::domain
