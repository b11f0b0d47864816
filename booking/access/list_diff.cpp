#include "booking/access/list_diff.hpp"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

namespace hubgate::access {
namespace {

using protocol::access_entry;
using protocol::pseudonym;

struct key_view {
  const pseudonym* card;
  std::string_view door;
  protocol::grant_source source;
  friend bool operator==(const key_view& a, const key_view& b) {
    return *a.card == *b.card && a.door == b.door && a.source == b.source;
  }
};

struct key_view_hash {
  std::size_t operator()(const key_view& k) const noexcept {
    std::size_t h = protocol::pseudonym_hash{}(*k.card);
    h ^= std::hash<std::string_view>{}(k.door) + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h ^ static_cast<std::size_t>(k.source);
  }
};

key_view key_of(const access_entry& e) {
  return {&e.card, e.door_id, e.source};
}

const protocol::access_list& empty_list() {
  static const protocol::access_list none;
  return none;
}

}  // namespace

protocol::access_list_delta diff_access_lists(const protocol::access_list& before,
                                              const protocol::access_list& after) {
  protocol::access_list_delta delta;
  std::unordered_map<key_view, const access_entry*, key_view_hash> old_entries;
  old_entries.reserve(before.entries.size());
  for (const auto& e : before.entries) old_entries.emplace(key_of(e), &e);

  std::unordered_set<key_view, key_view_hash> kept;
  kept.reserve(after.entries.size());
  for (const auto& e : after.entries) {
    auto k = key_of(e);
    kept.insert(k);
    auto it = old_entries.find(k);
    if (it == old_entries.end() || it->second->windows != e.windows) delta.upserts.push_back(e);
  }
  for (const auto& e : before.entries) {
    if (!kept.contains(key_of(e))) delta.removals.push_back({e.card, e.door_id, e.source});
  }

  std::unordered_set<pseudonym, protocol::pseudonym_hash> old_revoked(before.revoked.begin(),
                                                                      before.revoked.end());
  std::unordered_set<pseudonym, protocol::pseudonym_hash> new_revoked(after.revoked.begin(),
                                                                      after.revoked.end());
  for (const auto& p : after.revoked)
    if (!old_revoked.contains(p)) delta.revoked_added.push_back(p);
  for (const auto& p : before.revoked)
    if (!new_revoked.contains(p)) delta.revoked_removed.push_back(p);
  // Duplicates in the inputs must not duplicate a delta item.
  auto dedupe = [](std::vector<pseudonym>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
  };
  dedupe(delta.revoked_added);
  dedupe(delta.revoked_removed);
  if (before.doors != after.doors) delta.doors = after.doors;
  return delta;
}

bool empty(const protocol::access_list_delta& delta) noexcept {
  return delta.upserts.empty() && delta.removals.empty() && delta.revoked_added.empty() &&
         delta.revoked_removed.empty() && !delta.doors;
}

void sort_canonically(protocol::access_list& list) {
  std::sort(list.entries.begin(), list.entries.end(),
            [](const access_entry& a, const access_entry& b) {
              return std::tie(a.door_id, a.card, a.source) < std::tie(b.door_id, b.card, b.source);
            });
  std::sort(list.revoked.begin(), list.revoked.end());
  list.revoked.erase(std::unique(list.revoked.begin(), list.revoked.end()), list.revoked.end());
  std::sort(list.doors.begin(), list.doors.end(),
            [](const auto& a, const auto& b) { return a.door_id < b.door_id; });
}

bool same_contents(protocol::access_list a, protocol::access_list b) {
  sort_canonically(a);
  sort_canonically(b);
  return a == b;
}

std::map<std::string, protocol::access_list_delta, std::less<>> diff_all(
    const access_lists& before, const access_lists& after) {
  std::map<std::string, protocol::access_list_delta, std::less<>> out;
  for (const auto& [id, list] : after) {
    auto it = before.find(id);
    auto delta = diff_access_lists(it == before.end() ? empty_list() : it->second, list);
    if (!empty(delta)) out.emplace(id, std::move(delta));
  }
  for (const auto& [id, list] : before) {
    if (after.contains(id)) continue;
    auto delta = diff_access_lists(list, empty_list());
    if (!empty(delta)) out.emplace(id, std::move(delta));
  }
  return out;
}

std::vector<std::string> affected_controllers(const access_lists& before,
                                              const access_lists& after) {
  std::vector<std::string> ids;
  for (auto& [id, delta] : diff_all(before, after)) ids.push_back(id);
  return ids;
}

}  // namespace hubgate::access
