#include "protocol/access_list_json.hpp"

#include <boost/json/parse.hpp>
#include <string>
#include <unordered_set>

#include "protocol/json_fields.hpp"

namespace hubgate::protocol {
namespace {

namespace jf = json_fields;

boost::json::array pseudonyms_to_json(const std::vector<pseudonym>& ps) {
  boost::json::array out;
  out.reserve(ps.size());
  for (const auto& p : ps) out.emplace_back(to_hex(p));
  return out;
}

boost::json::object entry_to_json(const access_entry& e) {
  boost::json::array windows;
  windows.reserve(e.windows.size());
  for (const auto& w : e.windows) windows.push_back(boost::json::array{w.from, w.to});
  return {{"card", to_hex(e.card)},
          {"door", e.door_id},
          {"source", to_string(e.source)},
          {"windows", std::move(windows)}};
}

// Reads "card", "door" and "source" of an entry or a removal.
result<entry_key> parse_key(const boost::json::object& o) {
  entry_key key;
  const auto* card = jf::find(o, "card");
  if (!card) return errc::bad_field;
  auto p = jf::get_pseudonym(*card);
  if (!p) return p.error();
  key.card = *p;
  const auto* door = jf::get_string(o, "door");
  if (!door || !valid_door_id(*door)) return errc::bad_field;
  key.door_id.assign(door->data(), door->size());
  const auto* source = jf::get_string(o, "source");
  if (!source || !parse_grant_source(*source, key.source)) return errc::bad_field;
  return key;
}

result<access_entry> parse_entry(const boost::json::value& v) {
  const auto* o = v.if_object();
  if (!o || !jf::only_keys(*o, {"card", "door", "source", "windows"})) return errc::bad_field;
  auto key = parse_key(*o);
  if (!key) return key.error();
  access_entry e{key->card, std::move(key->door_id), key->source, {}};
  const auto* windows = jf::get_array(*o, "windows");
  if (!windows) return errc::bad_field;
  if (windows->size() > max_windows_per_entry) return errc::too_large;
  e.windows.reserve(windows->size());
  for (const auto& wv : *windows) {
    const auto* pair = wv.if_array();
    window w{};
    if (!pair || pair->size() != 2 || !jf::as_int64((*pair)[0], w.from) ||
        !jf::as_int64((*pair)[1], w.to) || w.from >= w.to)
      return errc::bad_field;
    e.windows.push_back(w);
  }
  return e;
}

result<std::vector<pseudonym>> parse_pseudonyms(const boost::json::object& o,
                                                std::string_view key) {
  const auto* arr = jf::get_array(o, key);
  if (!arr) return errc::bad_field;
  if (arr->size() > max_revoked) return errc::too_large;
  std::vector<pseudonym> out;
  out.reserve(arr->size());
  for (const auto& v : *arr) {
    auto p = jf::get_pseudonym(v);
    if (!p) return p.error();
    out.push_back(*p);
  }
  return out;
}

boost::json::array doors_to_json(const std::vector<door_settings>& doors) {
  boost::json::array out;
  out.reserve(doors.size());
  for (const auto& d : doors)
    out.push_back(boost::json::object{
        {"door", d.door_id}, {"unlock_ms", d.unlock_ms}, {"held_open_ms", d.held_open_ms}});
  return out;
}

bool in_range(const boost::json::object& o, std::string_view key, std::int64_t min,
              std::int64_t max, std::int64_t& out) {
  const auto* v = jf::find(o, key);
  return v && jf::as_int64(*v, out) && out >= min && out <= max;
}

// One entry per door, each within the ranges the service accepts.
result<std::vector<door_settings>> parse_doors(const boost::json::value& v) {
  const auto* arr = v.if_array();
  if (!arr) return errc::bad_field;
  if (arr->size() > max_doors) return errc::too_large;
  std::vector<door_settings> out;
  out.reserve(arr->size());
  std::unordered_set<std::string> seen;
  for (const auto& item : *arr) {
    const auto* o = item.if_object();
    if (!o || !jf::only_keys(*o, {"door", "unlock_ms", "held_open_ms"})) return errc::bad_field;
    const auto* door = jf::get_string(*o, "door");
    if (!door || !valid_door_id(*door)) return errc::bad_field;
    door_settings d{std::string(door->data(), door->size()), 0, 0};
    if (!seen.insert(d.door_id).second) return errc::bad_field;
    if (!in_range(*o, "unlock_ms", min_unlock_ms, max_unlock_ms, d.unlock_ms) ||
        !in_range(*o, "held_open_ms", min_held_open_ms, max_held_open_ms, d.held_open_ms))
      return errc::bad_field;
    out.push_back(std::move(d));
  }
  return out;
}

std::string flat_key(const pseudonym& card, std::string_view door, grant_source source) {
  std::string k(card.begin(), card.end());
  k.push_back(static_cast<char>(source));
  k.append(door);
  return k;
}

// Entries (or upserts) with at most one per key: a duplicate would make the list ambiguous.
result<std::vector<access_entry>> parse_entries(const boost::json::object& o,
                                                std::string_view key) {
  const auto* arr = jf::get_array(o, key);
  if (!arr) return errc::bad_field;
  if (arr->size() > max_entries) return errc::too_large;
  std::vector<access_entry> out;
  out.reserve(arr->size());
  std::unordered_set<std::string> seen;
  seen.reserve(arr->size());
  for (const auto& v : *arr) {
    auto e = parse_entry(v);
    if (!e) return e.error();
    if (!seen.insert(flat_key(e->card, e->door_id, e->source)).second) return errc::bad_field;
    out.push_back(std::move(*e));
  }
  return out;
}

result<boost::json::value> parse_text(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(text, ec);
  if (ec) return errc::malformed_json;
  return v;
}

}  // namespace

bool valid_door_id(std::string_view id) noexcept {
  if (id.empty() || id.size() > max_door_id_length) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == ':' || c == '-';
    if (!ok) return false;
  }
  return true;
}

boost::json::value to_json(const access_list& list) {
  boost::json::array entries;
  entries.reserve(list.entries.size());
  for (const auto& e : list.entries) entries.emplace_back(entry_to_json(e));
  return boost::json::object{{"entries", std::move(entries)},
                             {"revoked", pseudonyms_to_json(list.revoked)},
                             {"doors", doors_to_json(list.doors)}};
}

boost::json::value to_json(const access_list_delta& delta) {
  boost::json::array upserts;
  upserts.reserve(delta.upserts.size());
  for (const auto& e : delta.upserts) upserts.emplace_back(entry_to_json(e));
  boost::json::array removals;
  removals.reserve(delta.removals.size());
  for (const auto& r : delta.removals)
    removals.push_back(boost::json::object{
        {"card", to_hex(r.card)}, {"door", r.door_id}, {"source", to_string(r.source)}});
  boost::json::object out{{"upserts", std::move(upserts)},
                          {"removals", std::move(removals)},
                          {"revoked_added", pseudonyms_to_json(delta.revoked_added)},
                          {"revoked_removed", pseudonyms_to_json(delta.revoked_removed)}};
  if (delta.doors) out["doors"] = doors_to_json(*delta.doors);
  return out;
}

result<access_list> access_list_from_json(const boost::json::value& payload) {
  const auto* o = payload.if_object();
  if (!o) return errc::malformed_json;
  if (!jf::only_keys(*o, {"entries", "revoked", "doors"})) return errc::bad_field;
  auto entries = parse_entries(*o, "entries");
  if (!entries) return entries.error();
  auto revoked = parse_pseudonyms(*o, "revoked");
  if (!revoked) return revoked.error();
  access_list list{std::move(*entries), std::move(*revoked), {}};
  if (const auto* doors = jf::find(*o, "doors")) {  // absent in lists from an older service
    auto parsed = parse_doors(*doors);
    if (!parsed) return parsed.error();
    list.doors = std::move(*parsed);
  }
  return list;
}

result<access_list_delta> access_list_delta_from_json(const boost::json::value& payload) {
  const auto* o = payload.if_object();
  if (!o) return errc::malformed_json;
  if (!jf::only_keys(*o, {"upserts", "removals", "revoked_added", "revoked_removed", "doors"}))
    return errc::bad_field;
  access_list_delta d;
  auto upserts = parse_entries(*o, "upserts");
  if (!upserts) return upserts.error();
  d.upserts = std::move(*upserts);

  const auto* removals = jf::get_array(*o, "removals");
  if (!removals) return errc::bad_field;
  if (removals->size() > max_entries) return errc::too_large;
  d.removals.reserve(removals->size());
  for (const auto& v : *removals) {
    const auto* r = v.if_object();
    if (!r || !jf::only_keys(*r, {"card", "door", "source"})) return errc::bad_field;
    auto key = parse_key(*r);
    if (!key) return key.error();
    d.removals.push_back(std::move(*key));
  }

  auto added = parse_pseudonyms(*o, "revoked_added");
  if (!added) return added.error();
  d.revoked_added = std::move(*added);
  auto removed = parse_pseudonyms(*o, "revoked_removed");
  if (!removed) return removed.error();
  d.revoked_removed = std::move(*removed);
  if (const auto* doors = jf::find(*o, "doors")) {
    auto parsed = parse_doors(*doors);
    if (!parsed) return parsed.error();
    d.doors = std::move(*parsed);
  }
  return d;
}

result<access_list> parse_access_list(std::string_view payload_text) {
  auto v = parse_text(payload_text);
  if (!v) return v.error();
  return access_list_from_json(*v);
}

result<access_list_delta> parse_access_list_delta(std::string_view payload_text) {
  auto v = parse_text(payload_text);
  if (!v) return v.error();
  return access_list_delta_from_json(*v);
}

}  // namespace hubgate::protocol
