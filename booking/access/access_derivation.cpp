#include "booking/access/access_derivation.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "booking/access/grant_windows.hpp"
#include "booking/access/hub_index.hpp"
#include "booking/access/list_diff.hpp"

namespace hubgate::access {
namespace {

using protocol::grant_source;

struct grant_key {
  const card_entry* card;
  const door_entry* door;
  grant_source source;
  friend bool operator==(const grant_key&, const grant_key&) = default;
};

struct grant_key_hash {
  std::size_t operator()(const grant_key& k) const noexcept {
    std::size_t h = std::hash<const void*>{}(k.card);
    h ^= std::hash<const void*>{}(k.door) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h ^ static_cast<std::size_t>(k.source);
  }
};

// Collects raw windows per (card, door, source) before they are clipped and merged.
class grant_collector {
 public:
  void add(const card_entry& card, const door_entry& door, grant_source source, time_range w) {
    windows_[{&card, &door, source}].push_back(w);
  }
  void add_all(const card_entry& card, const door_entry& door, grant_source source,
               const std::vector<time_range>& ws) {
    if (ws.empty()) return;
    auto& v = windows_[{&card, &door, source}];
    v.insert(v.end(), ws.begin(), ws.end());
  }

  // Moves every non-empty entry into the list of its door's controller.
  void emit(const horizon& h, access_lists& lists) {
    for (auto& [key, ws] : windows_) {
      auto limit = h.end;
      if (const auto& exp = key.card->credential->expires_at) limit = std::min(limit, *exp);
      normalize_windows(ws, h.now, limit);
      if (ws.empty()) continue;
      protocol::access_entry entry;
      entry.card = key.card->pseudonym_at(*key.door->site);
      entry.door_id = key.door->door->id;
      entry.source = key.source;
      entry.windows.reserve(ws.size());
      for (const auto& w : ws)
        entry.windows.push_back(
            {w.from.time_since_epoch().count(), w.to.time_since_epoch().count()});
      lists[*key.door->door->controller_id].entries.push_back(std::move(entry));
    }
  }

 private:
  std::unordered_map<grant_key, std::vector<time_range>, grant_key_hash> windows_;
};

void add_booking(const hub_index& ix, const derivation_options& opt, const horizon& h,
                 const domain::booking& b, grant_collector& out) {
  if (b.status != domain::booking_status::confirmed &&
      b.status != domain::booking_status::checked_in)
    return;
  auto window = booking_window(b, opt);
  // A desk day can end at most a day after the booking window: cheap pre-filter first.
  if (window.from >= h.end || window.to + std::chrono::days{2} <= h.now) return;
  const auto& cards = ix.usable_cards(b.user_id);
  if (cards.empty()) return;
  const auto* space = ix.space(b.space_id);
  if (space == nullptr) return;

  for (const auto* door : ix.own_doors(space->id))
    for (const auto& card : cards) out.add(card, *door, grant_source::booking, window);

  const auto* site = ix.site(space->site_id);
  if (site == nullptr || site->entrances.empty()) return;
  auto entrance_window = window;
  if (space->kind == domain::space_kind::desk) {
    auto day = local_days_window(site->zone, b.interval());
    entrance_window = {std::min(day.from, window.from), std::max(day.to, window.to)};
  }
  for (const auto* door : site->entrances)
    for (const auto& card : cards) out.add(card, *door, grant_source::booking, entrance_window);
}

void add_user_rights(const hub_index& ix, const horizon& h, const domain::user& u,
                     std::unordered_map<const domain::door_grant*, std::vector<time_range>>& cache,
                     grant_collector& out) {
  const auto& cards = ix.usable_cards(u.id);
  if (cards.empty()) return;
  for (const auto& group_id : u.group_ids) {
    const auto* g = ix.group(group_id);
    if (g == nullptr) continue;
    for (const auto& grant : g->grants) {
      const auto* door = ix.door(grant.door_id);
      if (door == nullptr) continue;
      auto [it, fresh] = cache.try_emplace(&grant);
      if (fresh) it->second = standing_windows(door->site->zone, grant.schedule, h);
      for (const auto& card : cards) out.add_all(card, *door, grant_source::standing, it->second);
    }
  }
  if (u.role != domain::role::admin) return;
  for (const auto& door : ix.doors())
    for (const auto& card : cards) out.add(card, door, grant_source::admin, {h.begin, h.end});
}

void add_refusals(const hub_index& ix, access_lists& lists) {
  for (const auto& site : ix.sites()) {
    if (site.controller_ids.empty()) continue;
    for (const auto& card : ix.refused_cards()) {
      const auto& p = card.pseudonym_at(site);
      for (auto id : site.controller_ids) lists.find(id)->second.revoked.push_back(p);
    }
  }
}

}  // namespace

result<access_lists> derive_access_lists(const hub_state& state, const derivation_options& opt,
                                         std::chrono::sys_seconds now) {
  auto ix = hub_index::build(state, now);
  if (!ix) return ix.error();
  auto h = make_horizon(opt, now);

  access_lists lists;
  for (const auto& door : ix->doors()) {
    const auto& d = *door.door;
    lists[*d.controller_id].doors.push_back(
        {d.id, d.unlock_time.count(), d.held_open_alarm.count()});
  }

  grant_collector grants;
  for (const auto& b : state.bookings) add_booking(*ix, opt, h, b, grants);
  std::unordered_map<const domain::door_grant*, std::vector<time_range>> standing_cache;
  for (const auto& u : state.users) add_user_rights(*ix, h, u, standing_cache, grants);
  grants.emit(h, lists);
  add_refusals(*ix, lists);

  for (auto& [id, list] : lists) sort_canonically(list);
  return lists;
}

}  // namespace hubgate::access
