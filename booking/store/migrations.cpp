#include "booking/store/migrations.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>

#include "booking/store/card_migration.hpp"
#include "booking/store/database.hpp"

namespace hubgate::store {
namespace {

// A migration is SQL, and for changes SQL cannot express (sealing card UIDs) a step of code
// between that SQL and a second part.
struct migration {
  const char* sql = nullptr;
  outcome<void> (*code)(connection&, const card_cipher&) = nullptr;
  const char* sql_after = nullptr;
};

// Never edit a released migration: add a new one. Times are Unix seconds (UTC); nested
// values (opening hours, rules, policies) are JSON text, read and written only by the store.
constexpr std::array<migration, 5> migrations{{
    {R"sql(
CREATE TABLE sites(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, time_zone TEXT NOT NULL,
  opening_hours TEXT NOT NULL, closures TEXT NOT NULL);
CREATE TABLE spaces(
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
  kind TEXT NOT NULL, capacity INTEGER NOT NULL, mode TEXT NOT NULL, position TEXT NOT NULL,
  features TEXT NOT NULL, opening_hours TEXT, closures TEXT NOT NULL, rules TEXT NOT NULL,
  allowed_group_ids TEXT NOT NULL, needs_approval INTEGER NOT NULL,
  release_window INTEGER NOT NULL, check_in_required INTEGER NOT NULL,
  active INTEGER NOT NULL);
CREATE INDEX spaces_site ON spaces(site_id, kind);
CREATE TABLE user_groups(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, policy TEXT NOT NULL, grants TEXT NOT NULL);
CREATE TABLE doors(
  id TEXT PRIMARY KEY, site_id TEXT NOT NULL REFERENCES sites(id), name TEXT NOT NULL,
  space_ids TEXT NOT NULL, controller_id TEXT, unlock_ms INTEGER NOT NULL,
  held_open_ms INTEGER NOT NULL, fail_mode TEXT NOT NULL, is_entrance INTEGER NOT NULL);
CREATE TABLE users(
  id TEXT PRIMARY KEY, email TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL, role TEXT NOT NULL, group_ids TEXT NOT NULL,
  active INTEGER NOT NULL, language TEXT NOT NULL, password_hash TEXT NOT NULL,
  created_at INTEGER NOT NULL);
CREATE TABLE credentials(
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), kind TEXT NOT NULL,
  card_id TEXT NOT NULL UNIQUE, label TEXT NOT NULL, status TEXT NOT NULL,
  expires_at INTEGER, legacy INTEGER NOT NULL, created_at INTEGER NOT NULL);
CREATE INDEX credentials_user ON credentials(user_id);
CREATE TABLE bookings(
  id TEXT PRIMARY KEY, space_id TEXT NOT NULL REFERENCES spaces(id),
  user_id TEXT NOT NULL REFERENCES users(id), start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL, seats INTEGER NOT NULL, title TEXT NOT NULL,
  status TEXT NOT NULL, created_at INTEGER NOT NULL, checked_in_at INTEGER,
  series_id TEXT, CHECK (end_at > start_at), CHECK (seats > 0));
CREATE INDEX bookings_space_time ON bookings(space_id, start_at, end_at);
CREATE INDEX bookings_user_time ON bookings(user_id, start_at);
CREATE INDEX bookings_status_start ON bookings(status, start_at);
CREATE TABLE sessions(
  token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL,
  last_seen INTEGER NOT NULL);
CREATE INDEX sessions_expiry ON sessions(expires_at);
CREATE TABLE api_tokens(
  id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE,
  user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE, name TEXT NOT NULL,
  created_at INTEGER NOT NULL, last_used INTEGER, revoked INTEGER NOT NULL);
CREATE INDEX api_tokens_user ON api_tokens(user_id);
)sql"},
    // Calendar feeds (one per member, token stored hashed) and a per-booking change counter
    // that calendar clients see as SEQUENCE; the trigger keeps it right for every writer.
    {R"sql(
CREATE TABLE calendar_feeds(
  user_id TEXT PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE, created_at INTEGER NOT NULL);
ALTER TABLE bookings ADD COLUMN revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE bookings ADD COLUMN updated_at INTEGER;
CREATE TRIGGER bookings_revision
AFTER UPDATE OF space_id, start_at, end_at, seats, title, status ON bookings
BEGIN
  UPDATE bookings SET revision = OLD.revision + 1,
    updated_at = MAX(CAST(strftime('%s', 'now') AS INTEGER), OLD.created_at,
                     COALESCE(OLD.updated_at, OLD.created_at)) WHERE id = NEW.id;
END;
)sql"},
    // Door controllers (enrolment token stored hashed, the issued certificate's hash, the
    // list epoch), each site's list key for card pseudonyms, and uploaded access events
    // (id made on the board: re-sent events are ignored).
    {R"sql(
CREATE TABLE controllers(
  id TEXT PRIMARY KEY, name TEXT NOT NULL, site_id TEXT NOT NULL REFERENCES sites(id),
  door_ids TEXT NOT NULL, status TEXT NOT NULL, token_hash TEXT NOT NULL,
  token_expires_at INTEGER, cert_sha256 TEXT, created_at INTEGER NOT NULL,
  enrolled_at INTEGER, revoked_at INTEGER, epoch INTEGER NOT NULL);
CREATE INDEX controllers_token ON controllers(token_hash);
CREATE TABLE site_list_keys(
  site_id TEXT PRIMARY KEY REFERENCES sites(id), key_hex TEXT NOT NULL);
CREATE TABLE access_events(
  id TEXT PRIMARY KEY, controller_id TEXT NOT NULL, door_id TEXT NOT NULL, card TEXT,
  at_ms INTEGER NOT NULL, kind TEXT NOT NULL, reason TEXT NOT NULL,
  received_at INTEGER NOT NULL);
CREATE INDEX access_events_at ON access_events(at_ms);
)sql"},
    // Bearer tokens expire: those made before get the default lifetime of 90 days from their
    // creation.
    {R"sql(
ALTER TABLE api_tokens ADD COLUMN expires_at INTEGER NOT NULL DEFAULT 0;
UPDATE api_tokens SET expires_at = created_at + 90 * 86400;
)sql"},
    // No card UID in clear: a digest under the card key finds a card and keeps it unique, the
    // sealed UID serves the access derivation, the hint is what people see. Every card is read
    // by its UID, so all are legacy. secure_delete zeroes the pages the clear UIDs were on.
    {R"sql(
PRAGMA secure_delete=ON;
CREATE TABLE credentials_sealed(
  id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), kind TEXT NOT NULL,
  card_hmac TEXT NOT NULL UNIQUE, card_sealed TEXT NOT NULL, card_hint TEXT NOT NULL,
  label TEXT NOT NULL, status TEXT NOT NULL, expires_at INTEGER, legacy INTEGER NOT NULL,
  created_at INTEGER NOT NULL);
)sql",
     seal_card_ids, R"sql(
DROP TABLE credentials;
ALTER TABLE credentials_sealed RENAME TO credentials;
CREATE INDEX credentials_user ON credentials(user_id);
PRAGMA secure_delete=OFF;
)sql"},
}};

outcome<void> apply(connection& c, const migration& m, const card_cipher& cipher) {
  if (auto r = c.exec(m.sql); !r) return r.error();
  if (m.code)
    if (auto r = m.code(c, cipher); !r) return r.error();
  if (m.sql_after)
    if (auto r = c.exec(m.sql_after); !r) return r.error();
  return {};
}

outcome<int> user_version(connection& c) {
  auto st = c.prepare("PRAGMA user_version");
  if (!st) return st.error();
  auto row = st->step();
  if (!row) return row.error();
  return static_cast<int>(st->integer(0));
}

}  // namespace

int current_schema_version() noexcept {
  return static_cast<int>(migrations.size());
}

outcome<int> migrate(connection& c, const card_cipher& cipher) {
  return migrate(c, cipher, current_schema_version());
}

outcome<int> migrate(connection& c, const card_cipher& cipher, int target) {
  if (auto r = c.exec("BEGIN IMMEDIATE"); !r) return r.error();
  auto fail = [&](failure f) -> outcome<int> {
    c.exec("ROLLBACK");
    f.code = make_error_code(errc::migration_failed);
    return f;
  };
  auto v = user_version(c);
  if (!v) return fail(v.error());
  target = std::min(target, current_schema_version());
  if (*v > current_schema_version()) {
    c.exec("ROLLBACK");
    return failure(make_error_code(errc::newer_schema),
                   fmt::format("schema version {} is newer than {}", *v, current_schema_version()));
  }
  for (int next = *v + 1; next <= target; ++next) {
    if (auto r = apply(c, migrations[static_cast<std::size_t>(next - 1)], cipher); !r)
      return fail(r.error());
    auto pragma = fmt::format("PRAGMA user_version={}", next);
    if (auto r = c.exec(pragma.c_str()); !r) return fail(r.error());
  }
  if (auto r = c.exec("COMMIT"); !r) return fail(r.error());
  return target;
}

}  // namespace hubgate::store
