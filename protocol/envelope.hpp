// The signed envelope every service->board message travels in: addressed to one controller,
// ordered by (epoch, sequence), signed with Ed25519 over its canonical bytes.
//
// Canonical bytes (what the signature covers), in this order:
//   the 8 ASCII bytes "HGENV\x00\x00\x01" (format version 1), then
//   controller_id, as u32 big-endian length + UTF-8 bytes,
//   epoch and sequence, each u64 big-endian,
//   issued_at, i64 big-endian (two's complement),
//   type and payload, each u32 length + bytes.
// Every field is length-prefixed or fixed width, so no two envelopes share canonical bytes.
//
// Wire and file form, one JSON object:
//   {"v":1,"controller_id":"..","epoch":N,"sequence":N,"issued_at":N,"type":"..",
//    "payload":{...},"sig":"<base64 of 64 bytes>"}
// On decode the payload object is re-serialised canonically (see canonical_json.hpp), so
// whitespace and key order on the wire do not matter, while any value change breaks the sig.
// Payloads hold integers only: a floating-point number anywhere in them is refused.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "protocol/errc.hpp"
#include "protocol/keys.hpp"

namespace hubgate::protocol {

namespace envelope_type {
inline constexpr std::string_view snapshot = "snapshot";
inline constexpr std::string_view delta = "delta";
}  // namespace envelope_type

inline constexpr int envelope_version = 1;
// Decode refuses anything larger. A list entry is ~150 bytes of JSON, so 4 MiB holds some 25,000
// entries, far beyond a hub's doors and members, while a board (or the service) never buffers
// and parses hundreds of MiB sent by a faulty or hostile peer.
inline constexpr std::size_t max_envelope_bytes = 4u * 1024 * 1024;

struct envelope {
  std::string controller_id;
  std::uint64_t epoch = 0;     // starts at 1; a new epoch restarts with a snapshot
  std::uint64_t sequence = 0;  // starts at 1 in each epoch
  std::int64_t issued_at = 0;  // UTC unix seconds at the service
  std::string type;            // envelope_type::snapshot, envelope_type::delta, ...
  std::string payload;         // canonical JSON text of the payload object
  friend bool operator==(const envelope&, const envelope&) = default;
};

struct signed_envelope {
  envelope body;
  std::vector<std::uint8_t> signature;  // 64 bytes; empty when the wire form had no "sig"
};

std::vector<std::uint8_t> canonical_bytes(const envelope& e);

// The payload text is canonicalised first when it is a JSON object, so callers may pass any
// serialisation of it.
signed_envelope sign(const envelope& e, const signing_key& key);

std::string encode(const signed_envelope& e);

// Never throws on garbage: errc::malformed_json, bad_field, unsupported_version, bad_base64,
// too_large. A missing "sig" decodes to an empty signature (verify refuses it).
result<signed_envelope> decode(std::string_view text);

// errc::missing_signature or errc::bad_signature.
result<void> verify(const signed_envelope& e, const verify_key& key);

// Everything a board checks before it persists a message, given the last (epoch, sequence) it
// holds ((0, 0) when it holds nothing): the signature, the addressee (foreign_controller), the
// epoch (stale_epoch when older), replay (replayed_sequence when sequence <= last in the same
// epoch), and for deltas continuity (sequence_gap when sequence > last + 1, or when a delta
// opens a newer epoch: the board must ask for a snapshot). A snapshot may open a newer epoch
// or jump ahead in the current one.
result<void> accept(const signed_envelope& e, const verify_key& key,
                    std::string_view my_controller_id, std::uint64_t last_epoch,
                    std::uint64_t last_sequence);

}  // namespace hubgate::protocol
