#include "booking/access/hub_index.hpp"

#include <algorithm>
#include <span>

#include "booking/domain/local_time.hpp"
#include "protocol/hex.hpp"

namespace hubgate::access {
std::optional<std::vector<std::uint8_t>> card_bytes(std::string_view hex) {
  if (hex.empty() || hex.size() % 2 != 0 || hex.size() > 128) return std::nullopt;
  std::vector<std::uint8_t> out(hex.size() / 2);
  if (!protocol::from_hex(hex, out)) return std::nullopt;
  return out;
}

namespace {

template <class Map>
auto find_or_null(const Map& map, std::string_view key) -> typename Map::mapped_type {
  auto it = map.find(key);
  return it == map.end() ? nullptr : it->second;
}

}  // namespace

const protocol::pseudonym& card_entry::pseudonym_at(const site_entry& site) const {
  for (const auto& [s, p] : pseudonyms)
    if (s == &site) return p;
  pseudonyms.emplace_back(&site, (*site.pseudonyms)(card_id));
  return pseudonyms.back().second;
}

result<hub_index> hub_index::build(const hub_state& state, std::chrono::sys_seconds now) {
  hub_index ix;
  ix.sites_.reserve(state.sites.size());
  for (const auto& s : state.sites) {
    ix.sites_.push_back({&s});
    ix.site_by_id_.emplace(s.id, &ix.sites_.back());
  }

  ix.doors_.reserve(state.doors.size());
  for (const auto& d : state.doors) {
    if (!d.controller_id || d.controller_id->empty()) continue;
    auto* site = find_or_null(ix.site_by_id_, d.site_id);
    if (site == nullptr) continue;
    ix.doors_.push_back({&d, site});
    const door_entry* entry = &ix.doors_.back();
    ix.door_by_id_.emplace(d.id, entry);
    site->controller_ids.push_back(*d.controller_id);
    if (d.is_entrance) {
      site->entrances.push_back(entry);
    } else {
      for (const auto& space_id : d.space_ids) {
        auto& own = ix.own_doors_[space_id];
        if (std::find(own.begin(), own.end(), entry) == own.end()) own.push_back(entry);
      }
    }
  }

  for (auto& site : ix.sites_) {
    auto& ids = site.controller_ids;
    if (ids.empty()) continue;
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    auto zone = domain::find_zone(site.site->time_zone);
    if (!zone) return errc::unknown_time_zone;
    site.zone = *zone;
    auto key = state.list_keys.find(site.site->id);
    if (key == state.list_keys.end() || key->second.empty()) return errc::missing_list_key;
    site.pseudonyms = std::make_unique<pseudonym_maker>(key->second);
  }

  for (const auto& s : state.spaces) ix.space_by_id_.emplace(s.id, &s);
  for (const auto& u : state.users) ix.user_by_id_.emplace(u.id, &u);
  for (const auto& g : state.groups) ix.group_by_id_.emplace(g.id, &g);

  for (const auto& c : state.credentials) {
    const auto* user = find_or_null(ix.user_by_id_, c.user_id);
    if (user == nullptr) continue;
    auto bytes = card_bytes(c.card_id);
    if (!bytes) continue;
    card_entry card{&c, std::move(*bytes), {}};
    if (c.status != domain::credential_status::active || !user->active)
      ix.refused_.push_back(std::move(card));
    else if (!c.expires_at || *c.expires_at > now)
      ix.usable_[user->id].push_back(std::move(card));
    // An expired card simply has no windows left; it is not refused, so renewing its expiry
    // needs no revocation to be undone.
  }
  return ix;
}

const door_entry* hub_index::door(std::string_view id) const {
  return find_or_null(door_by_id_, id);
}
const domain::space* hub_index::space(std::string_view id) const {
  return find_or_null(space_by_id_, id);
}
const domain::user* hub_index::user(std::string_view id) const {
  return find_or_null(user_by_id_, id);
}
const domain::group* hub_index::group(std::string_view id) const {
  return find_or_null(group_by_id_, id);
}
const site_entry* hub_index::site(std::string_view id) const {
  return find_or_null(site_by_id_, id);
}

const std::vector<const door_entry*>& hub_index::own_doors(std::string_view space_id) const {
  static const std::vector<const door_entry*> none;
  auto it = own_doors_.find(space_id);
  return it == own_doors_.end() ? none : it->second;
}

const std::vector<card_entry>& hub_index::usable_cards(std::string_view user_id) const {
  static const std::vector<card_entry> none;
  auto it = usable_.find(user_id);
  return it == usable_.end() ? none : it->second;
}

}  // namespace hubgate::access
