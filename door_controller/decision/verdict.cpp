#include "door_controller/decision/verdict.hpp"

namespace hubgate::door {

std::string_view to_string(deny_reason r) noexcept {
  switch (r) {
    case deny_reason::none:
      return "granted";
    case deny_reason::unknown_card:
      return "unknown_card";
    case deny_reason::revoked:
      return "revoked";
    case deny_reason::outside_window:
      return "outside_window";
    case deny_reason::wrong_door:
      return "wrong_door";
    case deny_reason::list_stale:
      return "list_stale";
    case deny_reason::no_list:
      return "no_list";
    case deny_reason::clock_untrusted:
      return "clock_untrusted";
  }
  return "no_list";
}

}  // namespace hubgate::door
