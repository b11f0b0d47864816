#include "booking/controllers/hub_state_reader.hpp"

#include <openssl/rand.h>

#include <cstdlib>
#include <utility>

#include "booking/access/hub_access.hpp"

namespace hubgate::controllers {
namespace {

std::vector<std::uint8_t> random_list_key() {
  std::vector<std::uint8_t> key(32);
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) std::abort();
  return key;
}

// Every site with a door on a controller gets a list key, made and stored on first need.
outcome<std::map<std::string, std::vector<std::uint8_t>>> list_keys_for(
    controller_repository& controllers, const std::vector<domain::door>& doors) {
  auto keys = controllers.list_keys();
  if (!keys) return keys.error();
  for (const auto& d : doors) {
    if (!d.controller_id || keys->contains(d.site_id)) continue;
    auto key = controllers.ensure_list_key(d.site_id, random_list_key());
    if (!key) return key.error();
    (*keys)[d.site_id] = std::move(*key);
  }
  return std::move(*keys);
}

}  // namespace

outcome<std::optional<access::hub_state>> read_hub_state(const hub_ports& ports,
                                                         const access::derivation_options& opt,
                                                         std::chrono::sys_seconds now) {
  access::hub_state state;
  auto sites = ports.catalog.list_sites();
  if (!sites) return sites.error();
  state.sites = std::move(*sites);
  auto spaces = ports.catalog.list_spaces({});
  if (!spaces) return spaces.error();
  state.spaces = std::move(*spaces);
  auto doors = ports.catalog.list_doors(std::nullopt);
  if (!doors) return doors.error();
  state.doors = std::move(*doors);
  if (!access::any_door_on_a_controller(state.doors)) return std::optional<access::hub_state>();
  auto groups = ports.catalog.list_groups();
  if (!groups) return groups.error();
  state.groups = std::move(*groups);
  auto users = ports.users.list_users();
  if (!users) return users.error();
  state.users = std::move(*users);
  auto credentials = ports.controllers.all_credentials();
  if (!credentials) return credentials.error();
  state.credentials = std::move(*credentials);
  auto bookings = ports.bookings.list_bookings(access::bookings_that_open_doors(opt, now));
  if (!bookings) return bookings.error();
  state.bookings = std::move(*bookings);
  auto keys = list_keys_for(ports.controllers, state.doors);
  if (!keys) return keys.error();
  state.list_keys = std::move(*keys);
  return std::optional<access::hub_state>(std::move(state));
}

}  // namespace hubgate::controllers
