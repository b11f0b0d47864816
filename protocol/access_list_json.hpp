// JSON payloads of "snapshot" and "delta" envelopes, both directions. Parsing never throws
// and validates every field: 32-hex pseudonyms, door ids, known sources, from < to, counts.
//
//   snapshot: {"entries":[ENTRY...],"revoked":["<hex32>"...]}
//   ENTRY:    {"card":"<hex32>","door":"<id>","source":"booking|standing|admin",
//              "windows":[[from,to]...]}
//   delta:    {"upserts":[ENTRY...],"removals":[{"card":..,"door":..,"source":..}...],
//              "revoked_added":[...],"revoked_removed":[...]}
#pragma once
#include <boost/json/value.hpp>
#include <string>
#include <string_view>

#include "protocol/access_list.hpp"
#include "protocol/errc.hpp"

namespace hubgate::protocol {

boost::json::value to_json(const access_list& list);
boost::json::value to_json(const access_list_delta& delta);

result<access_list> access_list_from_json(const boost::json::value& payload);
result<access_list_delta> access_list_delta_from_json(const boost::json::value& payload);

// Parse from text (the envelope's payload field); errc::malformed_json on non-JSON.
result<access_list> parse_access_list(std::string_view payload_text);
result<access_list_delta> parse_access_list_delta(std::string_view payload_text);

// A door id is 1..64 characters of [A-Za-z0-9._:-].
bool valid_door_id(std::string_view id) noexcept;

}  // namespace hubgate::protocol
