#include "door_controller/cache/local_store.hpp"

#include <sqlite3.h>

#include <utility>

#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"
#include "protocol/sqlite/database.hpp"
#include "protocol/sqlite/statement.hpp"

namespace hubgate::door {
namespace {

constexpr std::int64_t schema_version = 1;

// position 0 holds the snapshot, 1.. the deltas applied on top of it, in order. The
// envelope column is the text exactly as received, so its signature can be checked again.
constexpr std::string_view schema_v1 = R"sql(
CREATE TABLE list_messages (
  position INTEGER PRIMARY KEY,
  kind     TEXT    NOT NULL CHECK (kind IN ('snapshot', 'delta')),
  epoch    INTEGER NOT NULL,
  sequence INTEGER NOT NULL,
  envelope TEXT    NOT NULL
);
CREATE TABLE events (
  queue_order INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT    NOT NULL UNIQUE,
  door        TEXT    NOT NULL,
  card        TEXT,
  at_ms       INTEGER NOT NULL,
  kind        TEXT    NOT NULL,
  reason      TEXT    NOT NULL
);
PRAGMA user_version = 1;
)sql";

result<void> configure(sqlite3* db) {
  if (sqlite3_busy_timeout(db, 5000) != SQLITE_OK) return cache_errc::open_failed;
  {
    sqlite::statement wal(db, "PRAGMA journal_mode=WAL");
    if (!wal.ok() || wal.step() != SQLITE_ROW || wal.column_text(0) != "wal")
      return cache_errc::open_failed;
  }
  // FULL: each commit is on disk when it returns, which the event queue relies on.
  if (sqlite::exec(db, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;") != SQLITE_OK)
    return cache_errc::open_failed;

  sqlite::statement version(db, "PRAGMA user_version");
  if (!version.ok() || version.step() != SQLITE_ROW) return cache_errc::open_failed;
  const std::int64_t found = version.column_int64(0);
  if (found > schema_version) return cache_errc::schema_too_new;
  if (found == 0) {
    sqlite::immediate_transaction tx(db);
    if (!tx.begun() || sqlite::exec(db, schema_v1) != SQLITE_OK || !tx.commit())
      return cache_errc::open_failed;
  }
  return {};
}

result<void> save_snapshot(sqlite3* db, const protocol::envelope& body, std::string_view text) {
  sqlite::immediate_transaction tx(db);
  if (!tx.begun() || sqlite::exec(db, "DELETE FROM list_messages") != SQLITE_OK)
    return cache_errc::sql_error;
  sqlite::statement insert(db,
                           "INSERT INTO list_messages(position, kind, epoch, sequence, envelope) "
                           "VALUES (0, 'snapshot', ?1, ?2, ?3)");
  if (!insert.ok()) return cache_errc::sql_error;
  insert.bind(1, static_cast<std::int64_t>(body.epoch));
  insert.bind(2, static_cast<std::int64_t>(body.sequence));
  insert.bind(3, text);
  if (insert.step() != SQLITE_DONE || !tx.commit()) return cache_errc::sql_error;
  return {};
}

result<void> save_delta(sqlite3* db, const protocol::envelope& body, std::string_view text) {
  sqlite::immediate_transaction tx(db);
  if (!tx.begun()) return cache_errc::sql_error;
  sqlite::statement last(
      db, "SELECT position, epoch, sequence FROM list_messages ORDER BY position DESC LIMIT 1");
  if (!last.ok()) return cache_errc::sql_error;
  const int rc = last.step();
  if (rc == SQLITE_DONE) return cache_errc::not_a_snapshot;
  if (rc != SQLITE_ROW) return cache_errc::sql_error;
  const std::int64_t position = last.column_int64(0);
  const auto epoch = static_cast<std::uint64_t>(last.column_int64(1));
  const auto sequence = static_cast<std::uint64_t>(last.column_int64(2));
  last.reset();
  if (body.epoch != epoch || body.sequence != sequence + 1) return cache_errc::out_of_order;

  sqlite::statement insert(db,
                           "INSERT INTO list_messages(position, kind, epoch, sequence, envelope) "
                           "VALUES (?1, 'delta', ?2, ?3, ?4)");
  if (!insert.ok()) return cache_errc::sql_error;
  insert.bind(1, position + 1);
  insert.bind(2, static_cast<std::int64_t>(body.epoch));
  insert.bind(3, static_cast<std::int64_t>(body.sequence));
  insert.bind(4, text);
  if (insert.step() != SQLITE_DONE || !tx.commit()) return cache_errc::sql_error;
  return {};
}

// Verifies one stored envelope as if it had just arrived; any failure means the store was
// altered (or the configuration changed under it), which the caller treats alike.
result<protocol::signed_envelope> reverify(std::string_view text, const protocol::verify_key& key,
                                           std::string_view controller_id) {
  auto e = protocol::decode(text);
  if (!e || !protocol::verify(*e, key) || e->body.controller_id != controller_id)
    return cache_errc::tampered;
  return e;
}

}  // namespace

result<local_store> local_store::open(const std::filesystem::path& path) {
  sqlite::database db;
  const int rc = db.open(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX);
  if (rc != SQLITE_OK) return cache_errc::open_failed;
  if (auto r = configure(db.raw()); !r) return r.error();
  return local_store(std::move(db));
}

local_store::local_store(local_store&& other) noexcept = default;
local_store& local_store::operator=(local_store&& other) noexcept = default;
local_store::~local_store() = default;

result<void> local_store::save_list(std::string_view signed_envelope_text) {
  auto e = protocol::decode(signed_envelope_text);
  if (!e) return e.error();
  if (e->body.type == protocol::envelope_type::snapshot)
    return save_snapshot(db_.raw(), e->body, signed_envelope_text);
  if (e->body.type == protocol::envelope_type::delta)
    return save_delta(db_.raw(), e->body, signed_envelope_text);
  return protocol::errc::unexpected_type;
}

result<loaded_list> local_store::load_list(const protocol::verify_key& key,
                                           std::string_view controller_id) {
  sqlite::statement rows(db_.raw(), "SELECT kind, envelope FROM list_messages ORDER BY position");
  if (!rows.ok()) return cache_errc::sql_error;
  loaded_list out;
  bool have_snapshot = false;
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    auto e = reverify(rows.column_text(1), key, controller_id);
    if (!e) return e.error();
    const protocol::envelope& body = e->body;
    if (!have_snapshot) {
      if (body.type != protocol::envelope_type::snapshot) return cache_errc::tampered;
      auto list = protocol::parse_access_list(body.payload);
      if (!list) return cache_errc::tampered;
      out.list = std::move(*list);
      have_snapshot = true;
    } else {
      if (body.type != protocol::envelope_type::delta || body.epoch != out.epoch ||
          body.sequence != out.sequence + 1)
        return cache_errc::tampered;
      auto delta = protocol::parse_access_list_delta(body.payload);
      if (!delta) return cache_errc::tampered;
      protocol::apply_delta(out.list, *delta);
    }
    out.epoch = body.epoch;
    out.sequence = body.sequence;
    out.issued_at = body.issued_at;
  }
  if (rc != SQLITE_DONE) return cache_errc::sql_error;
  if (!have_snapshot) return cache_errc::no_list;
  return out;
}

result<void> local_store::clear_list() {
  if (db_.exec("DELETE FROM list_messages") != SQLITE_OK) return cache_errc::sql_error;
  return {};
}

}  // namespace hubgate::door
