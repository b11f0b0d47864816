#include "booking/store/sqlite_controllers.hpp"

#include <fmt/format.h>

#include "booking/controllers/errc.hpp"
#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"
#include "booking/store/sqlite_users.hpp"
#include "booking/store/store_ids.hpp"
#include "protocol/hex.hpp"

namespace hubgate::store {
namespace {

using controllers::controller_status;
using record = controllers::controller_record;

constexpr const char* controller_columns =
    "id, name, site_id, door_ids, status, token_hash, token_expires_at, cert_sha256, "
    "created_at, enrolled_at, revoked_at, epoch";

std::optional<controller_status> parse_status(std::string_view s) {
  if (s == "pending") return controller_status::pending;
  if (s == "enrolled") return controller_status::enrolled;
  if (s == "revoked") return controller_status::revoked;
  return std::nullopt;
}

std::optional<std::int64_t> unix_of(const std::optional<controllers::sys_seconds>& t) {
  if (!t) return std::nullopt;
  return to_unix(*t);
}

outcome<record> read_controller(const statement& st) {
  record c;
  c.id = st.text(0);
  c.name = st.text(1);
  c.site_id = st.text(2);
  auto status = parse_status(st.text(4));
  if (!status || !decode(st.text(3), c.door_ids)) return bad_record("controller " + c.id);
  c.status = *status;
  c.token_hash = st.text(5);
  if (auto t = st.optional_integer(6)) c.token_expires_at = from_unix(*t);
  c.cert_sha256 = st.optional_text(7);
  c.created_at = from_unix(st.integer(8));
  if (auto t = st.optional_integer(9)) c.enrolled_at = from_unix(*t);
  if (auto t = st.optional_integer(10)) c.revoked_at = from_unix(*t);
  c.epoch = static_cast<std::uint64_t>(st.integer(11));
  return c;
}

outcome<record> load(connection& c, std::string_view where, std::string_view key) {
  auto st =
      c.prepare(fmt::format("SELECT {} FROM controllers WHERE {} = ?1", controller_columns, where));
  if (!st) return st.error();
  st->bind(1, key);
  return first<record>(*st, read_controller);
}

outcome<void> save(connection& c, const record& r, bool insert) {
  auto sql = insert ? insert_sql("controllers", controller_columns, false)
                    : std::string(
                          "UPDATE controllers SET name=?2, site_id=?3, door_ids=?4, status=?5, "
                          "token_hash=?6, token_expires_at=?7, cert_sha256=?8, created_at=?9, "
                          "enrolled_at=?10, revoked_at=?11, epoch=?12 WHERE id=?1");
  auto st = c.prepare(sql);
  if (!st) return st.error();
  st->bind(1, r.id)
      .bind(2, r.name)
      .bind(3, r.site_id)
      .bind(4, encode(r.door_ids))
      .bind(5, controllers::to_string(r.status))
      .bind(6, r.token_hash)
      .bind(7, unix_of(r.token_expires_at))
      .bind(8, r.cert_sha256)
      .bind(9, to_unix(r.created_at))
      .bind(10, unix_of(r.enrolled_at))
      .bind(11, unix_of(r.revoked_at))
      .bind(12, static_cast<std::int64_t>(r.epoch));
  return st->run();
}

outcome<controllers::stored_event> read_event(const statement& st) {
  controllers::stored_event e;
  e.event.id = st.text(0);
  e.controller_id = st.text(1);
  e.event.door_id = st.text(2);
  if (auto card = st.optional_text(3)) {
    auto p = protocol::parse_pseudonym(*card);
    if (!p) return bad_record("access event " + e.event.id);
    e.event.card = *p;
  }
  e.event.at = st.integer(4);
  if (!protocol::parse_event_kind(st.text(5), e.event.kind))
    return bad_record("access event " + e.event.id);
  e.event.reason = st.text(6);
  e.received_at = from_unix(st.integer(7));
  return e;
}

}  // namespace

outcome<record> sqlite_controllers::insert_controller(record c) {
  if (c.id.empty()) c.id = new_id("ctl");
  return write<record>([c = std::move(c)](connection& conn) -> outcome<record> {
    if (auto r = save(conn, c, true); !r) return r.error();
    return c;
  });
}

outcome<record> sqlite_controllers::get_controller(std::string_view id) {
  return read<record>([id](connection& c) { return load(c, "id", id); });
}

outcome<record> sqlite_controllers::find_by_token_hash(std::string_view token_hash) {
  if (token_hash.empty()) return domain::failure(domain::errc::not_found);
  return read<record>([token_hash](connection& c) { return load(c, "token_hash", token_hash); });
}

outcome<std::vector<record>> sqlite_controllers::list_controllers() {
  return read<std::vector<record>>([](connection& c) -> outcome<std::vector<record>> {
    auto st = c.prepare(
        fmt::format("SELECT {} FROM controllers ORDER BY created_at, id", controller_columns));
    if (!st) return st.error();
    return collect<record>(*st, read_controller);
  });
}

outcome<record> sqlite_controllers::redeem_token(std::string_view id, std::string_view token_hash,
                                                 controllers::sys_seconds now,
                                                 std::string cert_sha256) {
  return write<record>([id = std::string(id), hash = std::string(token_hash), now,
                        cert = std::move(cert_sha256)](connection& c) -> outcome<record> {
    auto r = load(c, "id", id);
    const domain::failure refused(
        controllers::make_error_code(controllers::errc::enrollment_token_invalid));
    if (!r) return r.error().is(domain::errc::not_found) ? refused : r.error();
    if (r->status != controller_status::pending || hash.empty() || r->token_hash != hash ||
        !r->token_expires_at || *r->token_expires_at <= now)
      return refused;
    r->status = controller_status::enrolled;
    r->token_hash.clear();
    r->token_expires_at.reset();
    r->cert_sha256 = cert;
    r->enrolled_at = now;
    if (auto saved = save(c, *r, false); !saved) return saved.error();
    return r;
  });
}

outcome<record> sqlite_controllers::revoke_controller(std::string_view id,
                                                      controllers::sys_seconds now) {
  return write<record>([id = std::string(id), now](connection& c) -> outcome<record> {
    auto r = load(c, "id", id);
    if (!r) return r;
    if (r->status == controller_status::revoked) return r;
    r->status = controller_status::revoked;
    r->token_hash.clear();
    r->token_expires_at.reset();
    r->revoked_at = now;
    if (auto saved = save(c, *r, false); !saved) return saved.error();
    return r;
  });
}

outcome<std::uint64_t> sqlite_controllers::next_epoch(std::string_view id) {
  return write<std::uint64_t>([id = std::string(id)](connection& c) -> outcome<std::uint64_t> {
    auto st = c.prepare("UPDATE controllers SET epoch = epoch + 1 WHERE id = ?1 RETURNING epoch");
    if (!st) return st.error();
    st->bind(1, id);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return domain::failure(domain::errc::not_found);
    auto epoch = static_cast<std::uint64_t>(st->integer(0));
    while (true) {  // finish the statement so the update is complete
      auto more = st->step();
      if (!more) return more.error();
      if (!*more) break;
    }
    return epoch;
  });
}

outcome<std::vector<std::uint8_t>> sqlite_controllers::ensure_list_key(
    std::string_view site_id, const std::vector<std::uint8_t>& candidate) {
  return write<std::vector<std::uint8_t>>([site = std::string(site_id),
                                           hex = protocol::to_hex(candidate)](
                                              connection& c) -> outcome<std::vector<std::uint8_t>> {
    auto ins = c.prepare("INSERT OR IGNORE INTO site_list_keys(site_id, key_hex) VALUES(?1, ?2)");
    if (!ins) return ins.error();
    ins->bind(1, site).bind(2, hex);
    if (auto r = ins->run(); !r) return r.error();
    auto st = c.prepare("SELECT key_hex FROM site_list_keys WHERE site_id = ?1");
    if (!st) return st.error();
    st->bind(1, site);
    return first<std::vector<std::uint8_t>>(
        *st, [](const statement& s) -> outcome<std::vector<std::uint8_t>> {
          auto text = s.text(0);
          std::vector<std::uint8_t> key(text.size() / 2);
          if (text.size() % 2 != 0 || !protocol::from_hex(text, key)) return bad_record("list key");
          return key;
        });
  });
}

outcome<std::map<std::string, std::vector<std::uint8_t>>> sqlite_controllers::list_keys() {
  using map = std::map<std::string, std::vector<std::uint8_t>>;
  return read<map>([](connection& c) -> outcome<map> {
    auto st = c.prepare("SELECT site_id, key_hex FROM site_list_keys");
    if (!st) return st.error();
    map out;
    for (;;) {
      auto row = st->step();
      if (!row) return row.error();
      if (!*row) return out;
      auto text = st->text(1);
      std::vector<std::uint8_t> key(text.size() / 2);
      if (text.size() % 2 != 0 || !protocol::from_hex(text, key)) return bad_record("list key");
      out.emplace(st->text(0), std::move(key));
    }
  });
}

outcome<std::vector<domain::credential>> sqlite_controllers::all_credentials() {
  return read<std::vector<domain::credential>>(
      [this](connection& c) -> outcome<std::vector<domain::credential>> {
        auto st = c.prepare(
            fmt::format("SELECT {}, card_sealed FROM credentials ORDER BY id", credential_columns));
        if (!st) return st.error();
        return collect<domain::credential>(
            *st, [this](const statement& row) { return read_unsealed_credential(row, cipher_); });
      });
}

outcome<std::size_t> sqlite_controllers::insert_events(
    std::string_view controller_id, const std::vector<protocol::access_event>& events,
    controllers::sys_seconds received_at) {
  return write<std::size_t>([controller = std::string(controller_id), events,
                             received_at](connection& c) -> outcome<std::size_t> {
    std::size_t stored = 0;
    for (const auto& e : events) {
      // Borrowed per row: giving the cached statement back resets it for the next one.
      auto st = c.prepare(
          "INSERT OR IGNORE INTO access_events(id, controller_id, door_id, card, at_ms, kind, "
          "reason, "
          "received_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
      if (!st) return st.error();
      std::optional<std::string> card;
      if (e.card) card = protocol::to_hex(*e.card);
      st->bind(1, e.id)
          .bind(2, controller)
          .bind(3, e.door_id)
          .bind(4, card)
          .bind(5, e.at)
          .bind(6, protocol::to_string(e.kind))
          .bind(7, e.reason)
          .bind(8, to_unix(received_at));
      if (auto r = st->run(); !r) return r.error();
      stored += static_cast<std::size_t>(c.changes());
    }
    return stored;
  });
}

outcome<std::vector<controllers::stored_event>> sqlite_controllers::list_events(
    const controllers::event_filter& f) {
  using list = std::vector<controllers::stored_event>;
  return read<list>([f](connection& c) -> outcome<list> {
    // Optional filters bound as NULL switch themselves off; the kinds list is a fixed
    // vocabulary, so it is safe to inline.
    std::string kinds;
    for (auto k : f.kinds)
      kinds += fmt::format("{}'{}'", kinds.empty() ? "" : ",", protocol::to_string(k));
    auto sql = fmt::format(
        "SELECT id, controller_id, door_id, card, at_ms, kind, reason, received_at FROM "
        "access_events "
        "WHERE (?1 IS NULL OR at_ms >= ?1) AND (?2 IS NULL OR at_ms < ?2) AND (?3 IS NULL OR "
        "door_id = ?3) "
        "AND (?4 IS NULL OR controller_id = ?4) {} ORDER BY at_ms DESC, id LIMIT ?5",
        kinds.empty() ? "" : "AND kind IN (" + kinds + ")");
    auto st = c.prepare(sql);
    if (!st) return st.error();
    st->bind(1, f.from_ms)
        .bind(2, f.to_ms)
        .bind(3, f.door_id)
        .bind(4, f.controller_id)
        .bind(5, static_cast<std::int64_t>(f.limit));
    return collect<controllers::stored_event>(*st, read_event);
  });
}

outcome<std::size_t> sqlite_controllers::count_events() {
  return read<std::size_t>([](connection& c) -> outcome<std::size_t> {
    auto st = c.prepare("SELECT count(*) FROM access_events");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return static_cast<std::size_t>(st->integer(0));
  });
}

}  // namespace hubgate::store
