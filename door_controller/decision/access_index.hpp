// The board's in-memory form of an access list, built once per list so a door decision is a
// hash lookup plus a binary search: card pseudonym -> door -> sorted, merged UTC windows.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "protocol/access_list.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::door {

// The windows of one card at one door, one vector per grant source (standing and admin
// survive the standing_only policy). Each vector is sorted by `from` and disjoint.
struct door_windows {
  std::string door_id;
  std::vector<protocol::window> booking;
  std::vector<protocol::window> standing;
  std::vector<protocol::window> admin;
};

class access_index {
 public:
  access_index() = default;
  explicit access_index(const protocol::access_list& list);

  bool is_revoked(const protocol::pseudonym& card) const { return revoked_.contains(card); }
  // nullptr when the card has no entry at all.
  const std::vector<door_windows>* doors_of(const protocol::pseudonym& card) const;

  std::size_t card_count() const noexcept { return cards_.size(); }

 private:
  std::unordered_map<protocol::pseudonym, std::vector<door_windows>, protocol::pseudonym_hash>
      cards_;
  std::unordered_set<protocol::pseudonym, protocol::pseudonym_hash> revoked_;
};

// True when some window of the sorted, disjoint `windows` contains t ([from, to)).
bool windows_contain(const std::vector<protocol::window>& windows, std::int64_t t) noexcept;

}  // namespace hubgate::door
