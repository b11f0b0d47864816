#include "protocol/event.hpp"

#include <openssl/rand.h>

#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>

#include "protocol/access_list_json.hpp"
#include "protocol/hex.hpp"
#include "protocol/json_fields.hpp"

namespace hubgate::protocol {
namespace {

namespace jf = json_fields;

constexpr std::array all_kinds = {
    event_kind::tap_granted,      event_kind::tap_denied,        event_kind::exit_button,
    event_kind::door_forced_open, event_kind::door_held_open,    event_kind::door_closed,
    event_kind::reader_lost,      event_kind::reader_recovered,  event_kind::list_refused,
    event_kind::list_accepted,    event_kind::fire_alarm_raised, event_kind::fire_alarm_cleared,
};

bool valid_event_id(std::string_view id) {
  std::array<std::uint8_t, 16> bytes{};
  return from_hex(id, bytes);
}

}  // namespace

std::string_view to_string(event_kind k) noexcept {
  switch (k) {
    case event_kind::tap_granted:
      return "tap_granted";
    case event_kind::tap_denied:
      return "tap_denied";
    case event_kind::exit_button:
      return "exit_button";
    case event_kind::door_forced_open:
      return "door_forced_open";
    case event_kind::door_held_open:
      return "door_held_open";
    case event_kind::door_closed:
      return "door_closed";
    case event_kind::reader_lost:
      return "reader_lost";
    case event_kind::reader_recovered:
      return "reader_recovered";
    case event_kind::list_refused:
      return "list_refused";
    case event_kind::list_accepted:
      return "list_accepted";
    case event_kind::fire_alarm_raised:
      return "fire_alarm_raised";
    case event_kind::fire_alarm_cleared:
      return "fire_alarm_cleared";
  }
  return "tap_denied";
}

bool parse_event_kind(std::string_view text, event_kind& out) noexcept {
  for (auto k : all_kinds) {
    if (text == to_string(k)) {
      out = k;
      return true;
    }
  }
  return false;
}

std::string make_event_id() {
  std::array<std::uint8_t, 16> bytes{};
  // Without randomness ids could collide and the service would drop real events as
  // duplicates; refusing to run is the safer failure.
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
  return to_hex(bytes);
}

boost::json::value to_json(const access_event& e) {
  boost::json::object o{{"id", e.id},
                        {"door", e.door_id},
                        {"at", e.at},
                        {"kind", to_string(e.kind)},
                        {"reason", e.reason}};
  if (e.card) o["card"] = to_hex(*e.card);
  return o;
}

result<access_event> access_event_from_json(const boost::json::value& v) {
  const auto* o = v.if_object();
  if (!o || !jf::only_keys(*o, {"id", "door", "card", "at", "kind", "reason"}))
    return errc::bad_field;
  access_event e;
  const auto* id = jf::get_string(*o, "id");
  if (!id) return errc::bad_field;
  if (!valid_event_id(*id)) return errc::bad_hex;
  e.id.assign(id->data(), id->size());
  // Controller-wide events (a refused list) may have no door.
  const auto* door = jf::get_string(*o, "door");
  if (!door || (!door->empty() && !valid_door_id(*door))) return errc::bad_field;
  e.door_id.assign(door->data(), door->size());
  if (const auto* card = jf::find(*o, "card")) {
    auto p = jf::get_pseudonym(*card);
    if (!p) return p.error();
    e.card = *p;
  }
  if (!jf::get_int64(*o, "at", e.at)) return errc::bad_field;
  const auto* kind = jf::get_string(*o, "kind");
  if (!kind || !parse_event_kind(*kind, e.kind)) return errc::bad_field;
  const auto* reason = jf::get_string(*o, "reason");
  if (!reason || reason->size() > max_reason_length) return errc::bad_field;
  e.reason.assign(reason->data(), reason->size());
  return e;
}

std::string encode_event_batch(const std::vector<access_event>& events) {
  boost::json::array arr;
  arr.reserve(events.size());
  for (const auto& e : events) arr.push_back(to_json(e));
  return boost::json::serialize(boost::json::object{{"events", std::move(arr)}});
}

result<std::vector<access_event>> decode_event_batch(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return errc::malformed_json;
  const auto* o = v.if_object();
  if (!o) return errc::malformed_json;
  if (!jf::only_keys(*o, {"events"})) return errc::bad_field;
  const auto* arr = jf::get_array(*o, "events");
  if (!arr) return errc::bad_field;
  if (arr->size() > max_events_per_batch) return errc::too_large;
  std::vector<access_event> out;
  out.reserve(arr->size());
  for (const auto& item : *arr) {
    auto e = access_event_from_json(item);
    if (!e) return e.error();
    out.push_back(std::move(*e));
  }
  return out;
}

}  // namespace hubgate::protocol
