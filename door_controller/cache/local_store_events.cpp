// The event queue half of local_store: append before acting, read oldest first, delete
// only what the service acknowledged.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <cstdint>

#include "door_controller/cache/local_store.hpp"
#include "protocol/access_list_json.hpp"
#include "protocol/hex.hpp"
#include "protocol/sqlite/database.hpp"
#include "protocol/sqlite/statement.hpp"

namespace hubgate::door {
namespace {

bool valid_event(const protocol::access_event& e) {
  std::array<std::uint8_t, 16> id{};
  return protocol::from_hex(e.id, id) &&
         (e.door_id.empty() || protocol::valid_door_id(e.door_id)) &&
         e.reason.size() <= protocol::max_reason_length;
}

}  // namespace

result<void> local_store::append_event(const protocol::access_event& event) {
  if (!valid_event(event)) return cache_errc::bad_event;
  // A single statement in autocommit mode is its own durable transaction.
  sqlite::statement insert(db_.raw(),
                           "INSERT OR IGNORE INTO events(id, door, card, at_ms, kind, reason) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  if (!insert.ok()) return cache_errc::sql_error;
  insert.bind(1, event.id);
  insert.bind(2, event.door_id);
  if (event.card)
    insert.bind(3, protocol::to_hex(*event.card));
  else
    insert.bind_null(3);
  insert.bind(4, event.at);
  insert.bind(5, protocol::to_string(event.kind));
  insert.bind(6, event.reason);
  if (insert.step() != SQLITE_DONE) return cache_errc::sql_error;
  return {};
}

result<std::vector<protocol::access_event>> local_store::pending_events(std::size_t limit) {
  sqlite::statement rows(db_.raw(),
                         "SELECT id, door, card, at_ms, kind, reason FROM events "
                         "ORDER BY queue_order LIMIT ?1");
  if (!rows.ok()) return cache_errc::sql_error;
  rows.bind(1, static_cast<std::int64_t>(std::min<std::size_t>(limit, INT64_MAX)));
  std::vector<protocol::access_event> out;
  int rc;
  while ((rc = rows.step()) == SQLITE_ROW) {
    protocol::access_event e;
    e.id = rows.column_text(0);
    e.door_id = rows.column_text(1);
    if (!rows.column_is_null(2)) {
      auto card = protocol::parse_pseudonym(rows.column_text(2));
      if (!card) return cache_errc::tampered;
      e.card = *card;
    }
    e.at = rows.column_int64(3);
    if (!protocol::parse_event_kind(rows.column_text(4), e.kind)) return cache_errc::tampered;
    e.reason = rows.column_text(5);
    out.push_back(std::move(e));
  }
  if (rc != SQLITE_DONE) return cache_errc::sql_error;
  return out;
}

result<std::size_t> local_store::delete_events(std::span<const std::string> ids) {
  sqlite::immediate_transaction tx(db_.raw());
  if (!tx.begun()) return cache_errc::sql_error;
  sqlite::statement del(db_.raw(), "DELETE FROM events WHERE id = ?1");
  if (!del.ok()) return cache_errc::sql_error;
  std::size_t deleted = 0;
  for (const auto& id : ids) {
    del.bind(1, id);
    if (del.step() != SQLITE_DONE) return cache_errc::sql_error;
    deleted += static_cast<std::size_t>(sqlite3_changes(db_.raw()));
    del.reset();
  }
  if (!tx.commit()) return cache_errc::sql_error;
  return deleted;
}

result<std::uint64_t> local_store::event_count() {
  sqlite::statement count(db_.raw(), "SELECT count(*) FROM events");
  if (!count.ok() || count.step() != SQLITE_ROW) return cache_errc::sql_error;
  return static_cast<std::uint64_t>(count.column_int64(0));
}

}  // namespace hubgate::door
