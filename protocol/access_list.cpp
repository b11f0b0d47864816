#include "protocol/access_list.hpp"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

namespace hubgate::protocol {
namespace {

// The key as one flat string, for hashing: 16 card bytes, the source, then the door id.
std::string flat_key(const pseudonym& card, std::string_view door, grant_source source) {
  std::string k(card.begin(), card.end());
  k.push_back(static_cast<char>(source));
  k.append(door);
  return k;
}

}  // namespace

std::string_view to_string(grant_source s) noexcept {
  switch (s) {
    case grant_source::booking:
      return "booking";
    case grant_source::standing:
      return "standing";
    case grant_source::admin:
      return "admin";
  }
  return "booking";
}

bool parse_grant_source(std::string_view text, grant_source& out) noexcept {
  for (auto s : {grant_source::booking, grant_source::standing, grant_source::admin}) {
    if (text == to_string(s)) {
      out = s;
      return true;
    }
  }
  return false;
}

void apply_delta(access_list& list, const access_list_delta& delta) {
  std::unordered_set<std::string> removed;
  for (const auto& r : delta.removals) removed.insert(flat_key(r.card, r.door_id, r.source));
  if (!removed.empty()) {
    std::erase_if(list.entries, [&](const access_entry& e) {
      return removed.contains(flat_key(e.card, e.door_id, e.source));
    });
  }

  std::unordered_map<std::string, std::size_t> position;
  if (!delta.upserts.empty()) {
    position.reserve(list.entries.size());
    for (std::size_t i = 0; i < list.entries.size(); ++i) {
      const auto& e = list.entries[i];
      position.emplace(flat_key(e.card, e.door_id, e.source), i);
    }
  }
  for (const auto& u : delta.upserts) {
    auto [it, added] = position.emplace(flat_key(u.card, u.door_id, u.source), list.entries.size());
    if (added)
      list.entries.push_back(u);
    else
      list.entries[it->second] = u;
  }

  if (!delta.revoked_removed.empty()) {
    std::unordered_set<pseudonym, pseudonym_hash> gone(delta.revoked_removed.begin(),
                                                       delta.revoked_removed.end());
    std::erase_if(list.revoked, [&](const pseudonym& p) { return gone.contains(p); });
  }
  if (!delta.revoked_added.empty()) {
    std::unordered_set<pseudonym, pseudonym_hash> have(list.revoked.begin(), list.revoked.end());
    for (const auto& p : delta.revoked_added)
      if (have.insert(p).second) list.revoked.push_back(p);
  }
  if (delta.doors) list.doors = *delta.doors;
}

}  // namespace hubgate::protocol
