#include "booking/store/sqlite_auth.hpp"

#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"
#include "booking/store/sqlite_users.hpp"
#include "booking/store/store_ids.hpp"

namespace hubgate::store {
namespace {

constexpr const char* token_columns =
    "id, name, user_id, created_at, last_used, revoked, expires_at";

outcome<domain::api_token_record> read_token(const statement& st) {
  domain::api_token_record t;
  t.id = st.text(0);
  t.name = st.text(1);
  t.user_id = st.text(2);
  t.created_at = from_unix(st.integer(3));
  if (auto u = st.optional_integer(4)) t.last_used = from_unix(*u);
  t.revoked = st.integer(5) != 0;
  t.expires_at = from_unix(st.integer(6));
  return t;
}

// Runs a one-statement write; not_found when it changed nothing and `must_change`.
outcome<void> run_update(connection& c, statement& st, bool must_change) {
  if (auto r = st.run(); !r) return r.error();
  if (must_change && c.changes() == 0) return domain::failure(domain::errc::not_found);
  return {};
}

}  // namespace

outcome<domain::login_record> sqlite_auth::find_login(std::string_view email) {
  return read<domain::login_record>([email](connection& c) -> outcome<domain::login_record> {
    auto st = c.prepare(std::string("SELECT ") + user_columns +
                        ", password_hash FROM users WHERE email = ?1 COLLATE NOCASE");
    if (!st) return st.error();
    st->bind(1, email);
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return domain::failure(domain::errc::not_found);
    auto u = read_user(*st);
    if (!u) return u.error();
    return domain::login_record{std::move(*u), st->text(8)};
  });
}

outcome<std::size_t> sqlite_auth::set_password_hash(std::string_view user_id, std::string hash,
                                                    std::string_view kept_session) {
  std::string id(user_id);
  // No session has the empty digest, so an empty kept_session keeps none.
  std::string kept = kept_session.empty() ? std::string() : sha256_hex(kept_session);
  return write<std::size_t>(
      [id, hash = std::move(hash), kept](connection& c) -> outcome<std::size_t> {
        auto st = c.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1");
        if (!st) return st.error();
        st->bind(1, id).bind(2, hash);
        if (auto r = run_update(c, *st, true); !r) return r.error();
        auto ended = c.prepare("DELETE FROM sessions WHERE user_id = ?1 AND token_hash <> ?2");
        if (!ended) return ended.error();
        ended->bind(1, id).bind(2, kept);
        if (auto r = ended->run(); !r) return r.error();
        return static_cast<std::size_t>(c.changes());
      });
}

outcome<void> sqlite_auth::insert_session(std::string_view token, const domain::session_record& s) {
  auto digest = sha256_hex(token);
  return write<void>([digest, s](connection& c) -> outcome<void> {
    auto st = c.prepare(
        "INSERT INTO sessions(token_hash, user_id, csrf_token, created_at, expires_at,"
        " last_seen) VALUES(?1, ?2, ?3, ?4, ?5, ?6)");
    if (!st) return st.error();
    st->bind(1, digest).bind(2, s.user_id).bind(3, s.csrf_token).bind(4, to_unix(s.created_at));
    st->bind(5, to_unix(s.expires_at)).bind(6, to_unix(s.last_seen));
    return run_update(c, *st, false);
  });
}

outcome<domain::session_record> sqlite_auth::find_session(std::string_view token,
                                                          domain::sys_seconds now) {
  auto digest = sha256_hex(token);
  return read<domain::session_record>(
      [&digest, now](connection& c) -> outcome<domain::session_record> {
        auto st = c.prepare(
            "SELECT user_id, csrf_token, created_at, expires_at, last_seen FROM sessions"
            " WHERE token_hash = ?1 AND expires_at > ?2");
        if (!st) return st.error();
        st->bind(1, digest).bind(2, to_unix(now));
        return first<domain::session_record>(
            *st, [](const statement& s) -> outcome<domain::session_record> {
              return domain::session_record{s.text(0), s.text(1), from_unix(s.integer(2)),
                                            from_unix(s.integer(3)), from_unix(s.integer(4))};
            });
      });
}

outcome<void> sqlite_auth::touch_session(std::string_view token, domain::sys_seconds now) {
  auto digest = sha256_hex(token);
  return write<void>([digest, now](connection& c) -> outcome<void> {
    auto st = c.prepare("UPDATE sessions SET last_seen = ?2 WHERE token_hash = ?1");
    if (!st) return st.error();
    st->bind(1, digest).bind(2, to_unix(now));
    return run_update(c, *st, true);
  });
}

outcome<void> sqlite_auth::delete_session(std::string_view token) {
  auto digest = sha256_hex(token);
  return write<void>([digest](connection& c) -> outcome<void> {
    auto st = c.prepare("DELETE FROM sessions WHERE token_hash = ?1");
    if (!st) return st.error();
    st->bind(1, digest);
    return run_update(c, *st, false);
  });
}

outcome<std::size_t> sqlite_auth::delete_expired_sessions(domain::sys_seconds now,
                                                          domain::sys_seconds unused_since) {
  return write<std::size_t>([now, unused_since](connection& c) -> outcome<std::size_t> {
    auto st = c.prepare("DELETE FROM sessions WHERE expires_at <= ?1 OR last_seen <= ?2");
    if (!st) return st.error();
    st->bind(1, to_unix(now)).bind(2, to_unix(unused_since));
    if (auto r = st->run(); !r) return r.error();
    return static_cast<std::size_t>(c.changes());
  });
}

// A session's id is the start of its token's digest: enough to tell a user's sessions apart,
// never enough to find the session by.
constexpr std::size_t session_id_digits = 16;

outcome<std::vector<domain::session_summary>> sqlite_auth::list_sessions(std::string_view user_id,
                                                                         domain::sys_seconds now) {
  return read<std::vector<domain::session_summary>>(
      [user_id, now](connection& c) -> outcome<std::vector<domain::session_summary>> {
        auto st = c.prepare(
            "SELECT substr(token_hash, 1, 16), created_at, last_seen, expires_at FROM sessions"
            " WHERE user_id = ?1 AND expires_at > ?2 ORDER BY last_seen DESC, created_at DESC");
        if (!st) return st.error();
        st->bind(1, user_id).bind(2, to_unix(now));
        return collect<domain::session_summary>(
            *st, [](const statement& row) -> outcome<domain::session_summary> {
              return domain::session_summary{row.text(0), from_unix(row.integer(1)),
                                             from_unix(row.integer(2)), from_unix(row.integer(3))};
            });
      });
}

outcome<void> sqlite_auth::delete_session_by_id(std::string_view user_id, std::string_view id) {
  if (id.size() != session_id_digits) return domain::failure(domain::errc::not_found);
  std::string user(user_id), prefix(id);
  return write<void>([user, prefix](connection& c) -> outcome<void> {
    auto st =
        c.prepare("DELETE FROM sessions WHERE user_id = ?1 AND substr(token_hash, 1, 16) = ?2");
    if (!st) return st.error();
    st->bind(1, user).bind(2, prefix);
    return run_update(c, *st, true);
  });
}

outcome<domain::api_token_record> sqlite_auth::insert_api_token(std::string_view token,
                                                                domain::api_token_record t) {
  if (t.id.empty()) t.id = new_id("tok");
  auto digest = sha256_hex(token);
  return write<domain::api_token_record>(
      [digest, t](connection& c) -> outcome<domain::api_token_record> {
        auto dup =
            c.prepare("SELECT 1 FROM api_tokens WHERE user_id = ?1 AND name = ?2 AND NOT revoked");
        if (!dup) return dup.error();
        dup->bind(1, t.user_id).bind(2, t.name);
        auto row = dup->step();
        if (!row) return row.error();
        if (*row) return domain::failure(domain::errc::name_taken, "a token with this name exists");
        auto st = c.prepare(
            "INSERT INTO api_tokens(id, token_hash, user_id, name, created_at, last_used, revoked,"
            " expires_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (!st) return st.error();
        st->bind(1, t.id).bind(2, digest).bind(3, t.user_id).bind(4, t.name);
        st->bind(5, to_unix(t.created_at));
        if (t.last_used)
          st->bind(6, to_unix(*t.last_used));
        else
          st->bind_null(6);
        st->bind(7, t.revoked).bind(8, to_unix(t.expires_at));
        if (auto r = run_update(c, *st, false); !r) return r.error();
        return t;
      });
}

outcome<domain::api_token_record> sqlite_auth::find_api_token(std::string_view token) {
  auto digest = sha256_hex(token);
  return read<domain::api_token_record>(
      [&digest](connection& c) -> outcome<domain::api_token_record> {
        auto st = c.prepare(std::string("SELECT ") + token_columns +
                            " FROM api_tokens WHERE token_hash = ?1 AND NOT revoked");
        if (!st) return st.error();
        st->bind(1, digest);
        return first<domain::api_token_record>(*st, read_token);
      });
}

outcome<void> sqlite_auth::touch_api_token(std::string_view id, domain::sys_seconds now) {
  std::string key(id);
  return write<void>([key, now](connection& c) -> outcome<void> {
    auto st = c.prepare("UPDATE api_tokens SET last_used = ?2 WHERE id = ?1");
    if (!st) return st.error();
    st->bind(1, key).bind(2, to_unix(now));
    return run_update(c, *st, true);
  });
}

outcome<std::vector<domain::api_token_record>> sqlite_auth::list_api_tokens(
    std::string_view user_id) {
  return read<std::vector<domain::api_token_record>>(
      [user_id](connection& c) -> outcome<std::vector<domain::api_token_record>> {
        auto st = c.prepare(std::string("SELECT ") + token_columns +
                            " FROM api_tokens WHERE user_id = ?1 ORDER BY created_at, id");
        if (!st) return st.error();
        st->bind(1, user_id);
        return collect<domain::api_token_record>(*st, read_token);
      });
}

outcome<void> sqlite_auth::revoke_api_token(std::string_view id) {
  std::string key(id);
  return write<void>([key](connection& c) -> outcome<void> {
    auto st = c.prepare("UPDATE api_tokens SET revoked = 1 WHERE id = ?1");
    if (!st) return st.error();
    st->bind(1, key);
    return run_update(c, *st, true);
  });
}

}  // namespace hubgate::store
