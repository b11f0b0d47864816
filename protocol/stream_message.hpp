// The messages of the live link: one JSON object per WebSocket text frame on
// /api/v1/controllers/stream, board -> service and service -> board (DESIGN §5).
//
// board -> service:
//   {"type":"hello","controller_id":"..","epoch":N,"sequence":N,"clock_ms":N,
//    "reader":"ok|lost","door":"open|closed|unknown"}
//   {"type":"ack","epoch":N,"sequence":N}          after the list message was verified+persisted
//   {"type":"resync","reason":".."}                 after a refused message or a tampered store
//   {"type":"events","events":[<access_event>...]}  at most max_events_per_message
//   {"type":"status","reader":"..","door":"..","clock_ms":N}
// service -> board:
//   {"type":"list","envelope":{<protocol::encode form>}}
//   {"type":"events_ack","ids":["<hex32>"...]}      only after a durable commit
//
// Unknown keys are ignored, so either side may add fields without breaking an older peer;
// what must not be ignored (the signed envelope) stays strict in envelope.hpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol/envelope.hpp"
#include "protocol/errc.hpp"
#include "protocol/event.hpp"

namespace hubgate::protocol {

enum class reader_health { ok, lost };
enum class door_position { open, closed, unknown };

std::string_view to_string(reader_health r) noexcept;
std::string_view to_string(door_position d) noexcept;
bool parse_reader_health(std::string_view text, reader_health& out) noexcept;
bool parse_door_position(std::string_view text, door_position& out) noexcept;

struct hello_message {
  std::string controller_id;
  std::uint64_t epoch = 0;  // of the list the board holds; 0/0 when it holds none
  std::uint64_t sequence = 0;
  std::int64_t clock_ms = 0;  // the board's UTC clock, for skew reporting
  reader_health reader = reader_health::ok;
  door_position door = door_position::unknown;
  friend bool operator==(const hello_message&, const hello_message&) = default;
};

struct ack_message {
  std::uint64_t epoch = 0;
  std::uint64_t sequence = 0;
  friend bool operator==(const ack_message&, const ack_message&) = default;
};

struct resync_message {
  std::string reason;  // e.g. "sequence_gap", "bad_signature", "tampered_store"
  friend bool operator==(const resync_message&, const resync_message&) = default;
};

struct events_message {
  std::vector<access_event> events;
  friend bool operator==(const events_message&, const events_message&) = default;
};

struct status_message {
  reader_health reader = reader_health::ok;
  door_position door = door_position::unknown;
  std::int64_t clock_ms = 0;
  friend bool operator==(const status_message&, const status_message&) = default;
};

// The envelope is carried as decoded (not yet verified): the board runs protocol::accept.
struct list_message {
  signed_envelope envelope;
};

struct events_ack_message {
  std::vector<std::string> ids;  // 32 lower-case hex characters each
  friend bool operator==(const events_ack_message&, const events_ack_message&) = default;
};

using stream_message = std::variant<hello_message, ack_message, resync_message, events_message,
                                    status_message, list_message, events_ack_message>;

// The "type" name of a message.
std::string_view message_type(const stream_message& m) noexcept;

inline constexpr std::size_t max_events_per_message = 100;
inline constexpr std::size_t max_acked_ids_per_message = 10'000;
// A frame larger than this is refused before parsing (the link's WebSocket refuses it before
// reading it whole): room for one envelope of max_envelope_bytes, escaped inside the message.
inline constexpr std::size_t max_stream_message_bytes = 6u * 1024 * 1024;

std::string serialize(const stream_message& m);

// Never throws on garbage: errc::malformed_json (not a JSON object), bad_field (missing or
// wrong-typed field, unknown enum value), unexpected_type (unknown "type"), too_large,
// bad_hex (event or ack ids), and the envelope's own errors for a "list" message.
result<stream_message> parse_stream_message(std::string_view text);

}  // namespace hubgate::protocol
