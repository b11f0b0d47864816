#include "protocol/stream_message.hpp"

#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "protocol/hex.hpp"
#include "protocol/json_fields.hpp"

namespace hubgate::protocol {
namespace {

namespace jf = json_fields;

constexpr std::size_t max_controller_id_length = 128;

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

bool printable(std::string_view s, std::size_t max_length) {
  if (s.empty() || s.size() > max_length) return false;
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x21 || static_cast<unsigned char>(c) > 0x7e) return false;
  return true;
}

bool valid_id(std::string_view id) {
  std::array<std::uint8_t, 16> bytes{};
  return id.size() == 32 && from_hex(id, bytes);
}

bool get_health(const boost::json::object& o, reader_health& reader, door_position& door) {
  const auto* r = jf::get_string(o, "reader");
  const auto* d = jf::get_string(o, "door");
  return r && d && parse_reader_health(*r, reader) && parse_door_position(*d, door);
}

result<stream_message> parse_hello(const boost::json::object& o) {
  hello_message m;
  const auto* id = jf::get_string(o, "controller_id");
  if (!id || !printable(*id, max_controller_id_length)) return errc::bad_field;
  m.controller_id.assign(id->data(), id->size());
  if (!jf::get_uint64(o, "epoch", m.epoch) || !jf::get_uint64(o, "sequence", m.sequence) ||
      !jf::get_int64(o, "clock_ms", m.clock_ms) || !get_health(o, m.reader, m.door))
    return errc::bad_field;
  return m;
}

result<stream_message> parse_ack(const boost::json::object& o) {
  ack_message m;
  if (!jf::get_uint64(o, "epoch", m.epoch) || !jf::get_uint64(o, "sequence", m.sequence))
    return errc::bad_field;
  return m;
}

result<stream_message> parse_resync(const boost::json::object& o) {
  const auto* reason = jf::get_string(o, "reason");
  if (!reason || reason->size() > max_reason_length) return errc::bad_field;
  return resync_message{std::string(reason->data(), reason->size())};
}

result<stream_message> parse_events(const boost::json::object& o) {
  const auto* arr = jf::get_array(o, "events");
  if (!arr) return errc::bad_field;
  if (arr->size() > max_events_per_message) return errc::too_large;
  events_message m;
  m.events.reserve(arr->size());
  for (const auto& item : *arr) {
    auto e = access_event_from_json(item);
    if (!e) return e.error();
    m.events.push_back(std::move(*e));
  }
  return m;
}

result<stream_message> parse_status(const boost::json::object& o) {
  status_message m;
  if (!get_health(o, m.reader, m.door) || !jf::get_int64(o, "clock_ms", m.clock_ms))
    return errc::bad_field;
  return m;
}

result<stream_message> parse_list(const boost::json::object& o) {
  const auto* env = jf::find(o, "envelope");
  if (!env || !env->is_object()) return errc::bad_field;
  // The envelope parser owns the strict rules (versions, integers only, signature form).
  auto decoded = decode(boost::json::serialize(*env));
  if (!decoded) return decoded.error();
  return list_message{std::move(*decoded)};
}

result<stream_message> parse_events_ack(const boost::json::object& o) {
  const auto* arr = jf::get_array(o, "ids");
  if (!arr) return errc::bad_field;
  if (arr->size() > max_acked_ids_per_message) return errc::too_large;
  events_ack_message m;
  m.ids.reserve(arr->size());
  for (const auto& item : *arr) {
    const auto* s = item.if_string();
    if (!s) return errc::bad_field;
    if (!valid_id(*s)) return errc::bad_hex;
    m.ids.emplace_back(s->data(), s->size());
  }
  return m;
}

}  // namespace

std::string_view to_string(reader_health r) noexcept {
  return r == reader_health::ok ? "ok" : "lost";
}

std::string_view to_string(door_position d) noexcept {
  switch (d) {
    case door_position::open:
      return "open";
    case door_position::closed:
      return "closed";
    case door_position::unknown:
      return "unknown";
  }
  return "unknown";
}

bool parse_reader_health(std::string_view text, reader_health& out) noexcept {
  for (auto r : {reader_health::ok, reader_health::lost}) {
    if (text == to_string(r)) {
      out = r;
      return true;
    }
  }
  return false;
}

bool parse_door_position(std::string_view text, door_position& out) noexcept {
  for (auto d : {door_position::open, door_position::closed, door_position::unknown}) {
    if (text == to_string(d)) {
      out = d;
      return true;
    }
  }
  return false;
}

std::string_view message_type(const stream_message& m) noexcept {
  static constexpr std::array<std::string_view, std::variant_size_v<stream_message>> names = {
      "hello", "ack", "resync", "events", "status", "list", "events_ack"};
  return names[m.index()];
}

std::string serialize(const stream_message& m) {
  boost::json::object o{{"type", message_type(m)}};
  std::visit(overloaded{
                 [&o](const hello_message& h) {
                   o["controller_id"] = h.controller_id;
                   o["epoch"] = h.epoch;
                   o["sequence"] = h.sequence;
                   o["clock_ms"] = h.clock_ms;
                   o["reader"] = to_string(h.reader);
                   o["door"] = to_string(h.door);
                 },
                 [&o](const ack_message& a) {
                   o["epoch"] = a.epoch;
                   o["sequence"] = a.sequence;
                 },
                 [&o](const resync_message& r) { o["reason"] = r.reason; },
                 [&o](const events_message& e) {
                   boost::json::array arr;
                   arr.reserve(e.events.size());
                   for (const auto& ev : e.events) arr.push_back(to_json(ev));
                   o["events"] = std::move(arr);
                 },
                 [&o](const status_message& s) {
                   o["reader"] = to_string(s.reader);
                   o["door"] = to_string(s.door);
                   o["clock_ms"] = s.clock_ms;
                 },
                 [&o](const list_message& l) {
                   boost::system::error_code ec;
                   auto env = boost::json::parse(encode(l.envelope), ec);
                   o["envelope"] = ec ? boost::json::value(boost::json::object{}) : std::move(env);
                 },
                 [&o](const events_ack_message& a) {
                   boost::json::array arr(a.ids.begin(), a.ids.end());
                   o["ids"] = std::move(arr);
                 },
             },
             m);
  return boost::json::serialize(o);
}

result<stream_message> parse_stream_message(std::string_view text) {
  if (text.size() > max_stream_message_bytes) return errc::too_large;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return errc::malformed_json;
  const auto* o = v.if_object();
  if (!o) return errc::malformed_json;
  const auto* type = jf::get_string(*o, "type");
  if (!type) return errc::bad_field;
  const std::string_view t(*type);
  if (t == "hello") return parse_hello(*o);
  if (t == "ack") return parse_ack(*o);
  if (t == "resync") return parse_resync(*o);
  if (t == "events") return parse_events(*o);
  if (t == "status") return parse_status(*o);
  if (t == "list") return parse_list(*o);
  if (t == "events_ack") return parse_events_ack(*o);
  return errc::unexpected_type;
}

}  // namespace hubgate::protocol
