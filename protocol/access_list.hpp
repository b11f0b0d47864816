// The access list a board holds: which card pseudonym opens which door in which UTC windows.
// The service expands bookings and schedules into windows; the board never sees time zones.
#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/pseudonym.hpp"

namespace hubgate::protocol {

// UTC unix seconds, half-open: [from, to). from < to always holds in a parsed list.
struct window {
  std::int64_t from;
  std::int64_t to;
  friend bool operator==(const window&, const window&) = default;
};

// Why a card may pass; "standing" and "admin" grants survive the standing_only staleness policy.
enum class grant_source { booking, standing, admin };

std::string_view to_string(grant_source s) noexcept;
// false on an unknown name.
bool parse_grant_source(std::string_view text, grant_source& out) noexcept;

struct access_entry {
  pseudonym card{};
  std::string door_id;
  grant_source source = grant_source::booking;
  std::vector<window> windows;
  friend bool operator==(const access_entry&, const access_entry&) = default;
};

// How the board drives one of its doors, as the admin set it on the service: the relay pulse
// and the time after which an open door is reported as held open. Signed with the list, so the
// board takes them from no one else; a door without settings keeps the board's configuration.
struct door_settings {
  std::string door_id;
  std::int64_t unlock_ms = 5000;
  std::int64_t held_open_ms = 30000;
  friend bool operator==(const door_settings&, const door_settings&) = default;
};

struct access_list {
  std::vector<access_entry> entries;  // at most one entry per (card, door, source)
  std::vector<pseudonym> revoked;     // refused at every door, whatever the windows say
  std::vector<door_settings> doors;   // at most one per door; none from an older service
  friend bool operator==(const access_list&, const access_list&) = default;
};

// Identifies an entry inside a list.
struct entry_key {
  pseudonym card{};
  std::string door_id;
  grant_source source = grant_source::booking;
  friend bool operator==(const entry_key&, const entry_key&) = default;
};

// The change from one sequence number to the next inside an epoch.
struct access_list_delta {
  std::vector<access_entry> upserts;  // replace the entry with the same key, or add it
  std::vector<entry_key> removals;    // removing an absent key is not an error
  std::vector<pseudonym> revoked_added;
  std::vector<pseudonym> revoked_removed;
  std::optional<std::vector<door_settings>> doors;  // when present, replaces the list's
  friend bool operator==(const access_list_delta&, const access_list_delta&) = default;
};

// Applies removals, then upserts, then revocation changes, then door settings. Entry order is kept
// for untouched entries and new ones are appended, so applying the same delta twice gives the same
// list.
void apply_delta(access_list& list, const access_list_delta& delta);

// Limits enforced when parsing, so a hostile payload cannot exhaust a small board.
inline constexpr std::size_t max_entries = 1'000'000;
inline constexpr std::size_t max_windows_per_entry = 4096;
inline constexpr std::size_t max_revoked = 1'000'000;
inline constexpr std::size_t max_door_id_length = 64;
inline constexpr std::size_t max_doors = 4096;
// The ranges the service accepts for a door: a hostile list cannot hold a door open for hours.
inline constexpr std::int64_t min_unlock_ms = 100;
inline constexpr std::int64_t max_unlock_ms = 600'000;
inline constexpr std::int64_t min_held_open_ms = 1000;
inline constexpr std::int64_t max_held_open_ms = 3'600'000;

}  // namespace hubgate::protocol
