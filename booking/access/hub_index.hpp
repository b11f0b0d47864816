// Lookups over a hub_state that derivation needs: doors with controllers by id and by the
// space they lead into, each site's zone and list key, each user's usable and revoked cards.
#pragma once
#include <date/tz.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "booking/access/errc.hpp"
#include "booking/access/hub_state.hpp"
#include "booking/access/pseudonym_maker.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::access {

struct door_entry;

// A card identifier's bytes: the reader's UID (4, 7 or 10 bytes) or a DESFire identifier, as
// hex. Anything that is not whole bytes of hex can never match a card: nullopt.
std::optional<std::vector<std::uint8_t>> card_bytes(std::string_view card_id);

struct site_entry {
  const domain::site* site = nullptr;
  const date::time_zone* zone = nullptr;
  std::unique_ptr<pseudonym_maker> pseudonyms;   // set for sites with controller doors
  std::vector<std::string_view> controller_ids;  // of the site's doors, sorted, unique
  std::vector<const door_entry*> entrances;
};

// Only doors with a controller on a known site are indexed: the others open nothing.
struct door_entry {
  const domain::door* door = nullptr;
  site_entry* site = nullptr;
};

struct card_entry {
  const domain::credential* credential = nullptr;
  std::vector<std::uint8_t> card_id;  // the bytes the reader sees
  // Pseudonyms are per site; computed on first use and kept, as a card is seen per booking.
  mutable std::vector<std::pair<const site_entry*, protocol::pseudonym>> pseudonyms;

  const protocol::pseudonym& pseudonym_at(const site_entry& site) const;
};

class hub_index {
 public:
  // Fails when a site with controller doors has an unknown zone or no list key.
  static result<hub_index> build(const hub_state& state, std::chrono::sys_seconds now);

  hub_index(const hub_index&) = delete;
  hub_index(hub_index&&) = default;

  const std::vector<site_entry>& sites() const noexcept { return sites_; }
  const std::vector<door_entry>& doors() const noexcept { return doors_; }
  const door_entry* door(std::string_view id) const;
  const domain::space* space(std::string_view id) const;
  const domain::user* user(std::string_view id) const;
  const domain::group* group(std::string_view id) const;
  const site_entry* site(std::string_view id) const;
  // Non-entrance doors whose space_ids name the space.
  const std::vector<const door_entry*>& own_doors(std::string_view space_id) const;
  // Active, unexpired cards of an active user (empty for anyone else).
  const std::vector<card_entry>& usable_cards(std::string_view user_id) const;
  // Cards a board must refuse: not active, or of an inactive user.
  const std::vector<card_entry>& refused_cards() const noexcept { return refused_; }

 private:
  hub_index() = default;

  std::vector<site_entry> sites_;
  std::vector<door_entry> doors_;
  std::unordered_map<std::string_view, site_entry*> site_by_id_;
  std::unordered_map<std::string_view, const door_entry*> door_by_id_;
  std::unordered_map<std::string_view, std::vector<const door_entry*>> own_doors_;
  std::unordered_map<std::string_view, const domain::space*> space_by_id_;
  std::unordered_map<std::string_view, const domain::user*> user_by_id_;
  std::unordered_map<std::string_view, const domain::group*> group_by_id_;
  std::unordered_map<std::string_view, std::vector<card_entry>> usable_;
  std::vector<card_entry> refused_;
};

}  // namespace hubgate::access
