// The demo hub seeded by `hubgate-booking serve --demo` on an empty data dir: the Digital
// Innovation Hub's site, spaces, doors, groups and a few members with cards (DESIGN §7).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/catalog_service.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/user_service.hpp"

namespace hubgate::demo {

// Used for demo members when HUBGATE_DEMO_PASSWORD is not set. Only --demo ever creates
// accounts with it, and those are for trying the hub out on a laptop.
inline constexpr std::string_view default_demo_password = "hubgate-demo";

struct demo_member {
  std::string id;
  std::string email;
  std::string display_name;
  std::string group;
  std::string card_id;
};

// The demo card of the hub administrator (role admin: every door, at any time).
inline constexpr std::string_view admin_demo_card = "04A1B2C3D4E500";

struct demo_summary {
  std::string site_id;
  std::size_t spaces = 0;
  std::size_t doors = 0;
  std::vector<demo_member> members;
  // Set when an admin account existed before seeding; its card is admin_demo_card.
  std::optional<demo_member> admin_card;
};

// Hashes a password for a member (the caller's scrypt), so this module needs no crypto.
using password_hasher = std::string (*)(std::string_view password);

// Seeds everything as `admin` (an admin actor). Fails on the first refused write.
domain::outcome<demo_summary> seed_demo_hub(domain::catalog_service& catalog,
                                            domain::user_service& users, const domain::actor& admin,
                                            std::string_view member_password, password_hasher hash,
                                            std::chrono::sys_seconds now);

}  // namespace hubgate::demo
