// A door of a site: the spaces it leads into (an entrance leads into all of the site), the
// controller board that drives it, and its timing and fail mode.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::domain {

enum class fail_mode { secure, safe };  // locked / unlocked when power fails
std::string_view to_string(fail_mode m) noexcept;
std::optional<fail_mode> parse_fail_mode(std::string_view s) noexcept;

struct door {
  std::string id;  // assigned by the store when empty on create
  std::string site_id;
  std::string name;
  std::vector<std::string> space_ids;  // ignored for an entrance (leads into every space)
  std::optional<std::string> controller_id;
  std::chrono::milliseconds unlock_time{std::chrono::seconds{5}};
  std::chrono::milliseconds held_open_alarm{std::chrono::seconds{30}};
  domain::fail_mode fail_mode = fail_mode::secure;
  bool is_entrance = false;
  friend bool operator==(const door&, const door&) = default;
};

}  // namespace hubgate::domain
