// Access events the board records and uploads: taps, door states, reader health and list
// changes. Ids are random and made on the board, so uploads are idempotent.
//
//   event: {"id":"<hex32>","door":"<id>","card":"<hex32>"(optional),"at":<unix ms>,
//           "kind":"tap_granted",...,"reason":".."}
//   batch: {"events":[event...]}
#pragma once
#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/errc.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::protocol {

enum class event_kind {
  tap_granted,
  tap_denied,
  exit_button,
  door_forced_open,
  door_held_open,
  door_closed,
  reader_lost,
  reader_recovered,
  list_refused,
  list_accepted,
  fire_alarm_raised,   // the fire-alarm input went active (fail-safe doors released)
  fire_alarm_cleared,  // it went inactive again
};

std::string_view to_string(event_kind k) noexcept;
bool parse_event_kind(std::string_view text, event_kind& out) noexcept;

struct access_event {
  std::string id;  // 32 lower-case hex characters, see make_event_id()
  std::string door_id;
  std::optional<pseudonym> card;
  std::int64_t at = 0;  // UTC unix milliseconds on the board's clock
  event_kind kind = event_kind::tap_denied;
  std::string reason;  // e.g. a deny reason ("revoked"), or why a list was refused
  friend bool operator==(const access_event&, const access_event&) = default;
};

inline constexpr std::size_t max_reason_length = 256;
inline constexpr std::size_t max_events_per_batch = 10'000;

// 16 bytes from OpenSSL's CSPRNG as 32 hex characters.
std::string make_event_id();

boost::json::value to_json(const access_event& e);
result<access_event> access_event_from_json(const boost::json::value& v);

std::string encode_event_batch(const std::vector<access_event>& events);
result<std::vector<access_event>> decode_event_batch(std::string_view text);

}  // namespace hubgate::protocol
