#include "door_controller/decision/staleness_policy.hpp"

namespace hubgate::door {

std::string_view to_string(staleness_policy p) noexcept {
  switch (p) {
    case staleness_policy::deny_all:
      return "deny_all";
    case staleness_policy::standing_only:
      return "standing_only";
    case staleness_policy::keep_cached:
      return "keep_cached";
  }
  return "deny_all";
}

std::optional<staleness_policy> parse_staleness_policy(std::string_view text) noexcept {
  for (auto p :
       {staleness_policy::deny_all, staleness_policy::standing_only, staleness_policy::keep_cached})
    if (text == to_string(p)) return p;
  return std::nullopt;
}

}  // namespace hubgate::door
