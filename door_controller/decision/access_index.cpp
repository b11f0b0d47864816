#include "door_controller/decision/access_index.hpp"

#include <algorithm>

namespace hubgate::door {
namespace {

// Sorts and merges overlapping or touching windows, so a lookup needs one binary search.
void normalise(std::vector<protocol::window>& ws) {
  if (ws.size() < 2) return;
  std::sort(ws.begin(), ws.end(), [](const auto& a, const auto& b) { return a.from < b.from; });
  std::size_t out = 0;
  for (std::size_t i = 1; i < ws.size(); ++i) {
    if (ws[i].from <= ws[out].to)
      ws[out].to = std::max(ws[out].to, ws[i].to);
    else
      ws[++out] = ws[i];
  }
  ws.resize(out + 1);
}

}  // namespace

access_index::access_index(const protocol::access_list& list) {
  cards_.reserve(list.entries.size());
  for (const auto& e : list.entries) {
    auto& doors = cards_[e.card];
    auto it = std::find_if(doors.begin(), doors.end(),
                           [&](const door_windows& d) { return d.door_id == e.door_id; });
    if (it == doors.end()) it = doors.insert(doors.end(), door_windows{e.door_id, {}, {}, {}});
    auto& target = e.source == protocol::grant_source::booking    ? it->booking
                   : e.source == protocol::grant_source::standing ? it->standing
                                                                  : it->admin;
    target.insert(target.end(), e.windows.begin(), e.windows.end());
  }
  for (auto& [card, doors] : cards_) {
    for (auto& d : doors) {
      normalise(d.booking);
      normalise(d.standing);
      normalise(d.admin);
    }
  }
  revoked_.reserve(list.revoked.size());
  revoked_.insert(list.revoked.begin(), list.revoked.end());
}

const std::vector<door_windows>* access_index::doors_of(const protocol::pseudonym& card) const {
  auto it = cards_.find(card);
  return it == cards_.end() ? nullptr : &it->second;
}

bool windows_contain(const std::vector<protocol::window>& windows, std::int64_t t) noexcept {
  // The last window starting at or before t is the only candidate, as windows are disjoint.
  auto it = std::upper_bound(windows.begin(), windows.end(), t,
                             [](std::int64_t value, const auto& w) { return value < w.from; });
  if (it == windows.begin()) return false;
  --it;
  return t < it->to;
}

}  // namespace hubgate::door
