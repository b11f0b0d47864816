#include "booking/store/sqlite_users.hpp"

#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"
#include "booking/store/store_ids.hpp"

namespace hubgate::store {

outcome<domain::credential> read_credential(const statement& st) {
  domain::credential c;
  c.id = st.text(0);
  c.user_id = st.text(1);
  auto kind = domain::parse_credential_kind(st.text(2));
  auto status = domain::parse_credential_status(st.text(5));
  if (!kind || !status) return bad_record("credential " + c.id);
  c.kind = *kind;
  c.card_hint = st.text(3);
  c.label = st.text(4);
  c.status = *status;
  if (auto t = st.optional_integer(6)) c.expires_at = from_unix(*t);
  c.legacy = st.integer(7) != 0;
  c.created_at = from_unix(st.integer(8));
  return c;
}

outcome<domain::credential> read_unsealed_credential(const statement& st,
                                                     const card_cipher& cipher) {
  auto c = read_credential(st);
  if (!c) return c;
  auto card = cipher.unseal(st.text(9));
  if (!card) return bad_record("card of credential " + c->id);
  c->card_id = std::move(*card);
  return c;
}

namespace {

std::string select(const char* columns, const char* table, const char* where) {
  return std::string("SELECT ") + columns + " FROM " + table + " " + where;
}

template <class T, class Reader>
outcome<T> one(connection& c, const std::string& sql, std::string_view key, Reader reader) {
  auto st = c.prepare(sql);
  if (!st) return st.error();
  st->bind(1, key);
  return first<T>(*st, reader);
}

// email_taken when another user has this e-mail (case-insensitive).
outcome<void> check_email_free(connection& c, const domain::user& u) {
  auto st = c.prepare("SELECT id FROM users WHERE email = ?1 COLLATE NOCASE AND id != ?2");
  if (!st) return st.error();
  st->bind(1, u.email).bind(2, u.id);
  auto row = st->step();
  if (!row) return row.error();
  if (*row) return domain::failure(domain::errc::email_taken, "this e-mail address is in use");
  return {};
}

std::optional<std::int64_t> expiry_of(const domain::credential& cr) {
  if (cr.expires_at) return to_unix(*cr.expires_at);
  return std::nullopt;
}

outcome<void> check_card_free(connection& c, std::string_view card_hmac) {
  auto st = c.prepare("SELECT id FROM credentials WHERE card_hmac = ?1");
  if (!st) return st.error();
  st->bind(1, card_hmac);
  auto row = st->step();
  if (!row) return row.error();
  if (*row) return domain::failure(domain::errc::card_taken, "this card is already enrolled");
  return {};
}

}  // namespace

outcome<domain::user> read_user(const statement& st) {
  domain::user u;
  u.id = st.text(0);
  u.email = st.text(1);
  u.display_name = st.text(2);
  auto r = domain::parse_role(st.text(3));
  if (!r || !decode(st.text(4), u.group_ids)) return bad_record("user " + u.id);
  u.role = *r;
  u.active = st.integer(5) != 0;
  u.language = st.text(6);
  u.created_at = from_unix(st.integer(7));
  return u;
}

outcome<std::vector<domain::user>> sqlite_users::list_users() {
  return read<std::vector<domain::user>>([](connection& c) -> outcome<std::vector<domain::user>> {
    auto st = c.prepare(select(user_columns, "users", "ORDER BY email"));
    if (!st) return st.error();
    return collect<domain::user>(*st, read_user);
  });
}

outcome<domain::user> sqlite_users::get_user(std::string_view id) {
  return read<domain::user>([id](connection& c) {
    return one<domain::user>(c, select(user_columns, "users", "WHERE id = ?1"), id, read_user);
  });
}

outcome<domain::user> sqlite_users::find_user_by_email(std::string_view email) {
  return read<domain::user>([email](connection& c) {
    return one<domain::user>(c, select(user_columns, "users", "WHERE email = ?1 COLLATE NOCASE"),
                             email, read_user);
  });
}

outcome<std::size_t> sqlite_users::count_users() {
  return read<std::size_t>([](connection& c) -> outcome<std::size_t> {
    auto st = c.prepare("SELECT count(*) FROM users");
    if (!st) return st.error();
    auto row = st->step();
    if (!row) return row.error();
    return static_cast<std::size_t>(st->integer(0));
  });
}

outcome<domain::user> sqlite_users::insert_user(domain::user u, std::string password_hash) {
  if (u.id.empty()) u.id = new_id("usr");
  return write<domain::user>([u, hash = std::move(password_hash)](
                                 connection& c) -> outcome<domain::user> {
    if (auto r = check_email_free(c, u); !r) return r.error();
    auto st = c.prepare(
        "INSERT INTO users(id, email, display_name, role, group_ids, active, language,"
        " created_at, password_hash) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
    if (!st) return st.error();
    st->bind(1, u.id).bind(2, u.email).bind(3, u.display_name).bind(4, domain::to_string(u.role));
    st->bind(5, encode(u.group_ids)).bind(6, u.active).bind(7, u.language);
    st->bind(8, to_unix(u.created_at)).bind(9, hash);
    if (auto r = st->run(); !r) return r.error();
    return u;
  });
}

outcome<domain::user> sqlite_users::update_user(domain::user u) {
  return write<domain::user>([u](connection& c) -> outcome<domain::user> {
    if (auto r = check_email_free(c, u); !r) return r.error();
    auto st = c.prepare(
        "UPDATE users SET email = ?2, display_name = ?3, role = ?4, group_ids = ?5,"
        " active = ?6, language = ?7 WHERE id = ?1");
    if (!st) return st.error();
    st->bind(1, u.id).bind(2, u.email).bind(3, u.display_name).bind(4, domain::to_string(u.role));
    st->bind(5, encode(u.group_ids)).bind(6, u.active).bind(7, u.language);
    if (auto r = st->run(); !r) return r.error();
    if (c.changes() == 0) return domain::failure(domain::errc::not_found);
    return one<domain::user>(c, select(user_columns, "users", "WHERE id = ?1"), u.id, read_user);
  });
}

outcome<std::vector<domain::credential>> sqlite_users::list_credentials(std::string_view user_id) {
  return read<std::vector<domain::credential>>(
      [user_id](connection& c) -> outcome<std::vector<domain::credential>> {
        auto st = c.prepare(select(credential_columns, "credentials",
                                   "WHERE user_id = ?1 ORDER BY created_at, id"));
        if (!st) return st.error();
        st->bind(1, user_id);
        return collect<domain::credential>(*st, read_credential);
      });
}

outcome<domain::credential> sqlite_users::get_credential(std::string_view id) {
  return read<domain::credential>([id](connection& c) {
    return one<domain::credential>(c, select(credential_columns, "credentials", "WHERE id = ?1"),
                                   id, read_credential);
  });
}

outcome<domain::credential> sqlite_users::find_credential_by_card(std::string_view card_id) {
  auto digest = cipher_.digest(card_id);
  if (!digest) return card_cipher_failed();
  return read<domain::credential>([digest = std::move(*digest)](connection& c) {
    return one<domain::credential>(
        c, select(credential_columns, "credentials", "WHERE card_hmac = ?1"), digest,
        read_credential);
  });
}

outcome<domain::credential> sqlite_users::insert_credential(domain::credential cr) {
  if (cr.id.empty()) cr.id = new_id("cred");
  auto digest = cipher_.digest(cr.card_id);
  auto sealed = cipher_.seal(cr.card_id);
  if (!digest || !sealed) return card_cipher_failed();
  cr.card_hint = domain::card_hint_of(cr.card_id);
  cr.card_id.clear();
  return write<domain::credential>([cr, digest = std::move(*digest), sealed = std::move(*sealed)](
                                       connection& c) -> outcome<domain::credential> {
    if (auto r = check_card_free(c, digest); !r) return r.error();
    auto st = c.prepare(
        "INSERT INTO credentials(id, user_id, kind, card_hmac, card_sealed, card_hint, label,"
        " status, expires_at, legacy, created_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    if (!st) return st.error();
    st->bind(1, cr.id).bind(2, cr.user_id).bind(3, domain::to_string(cr.kind));
    st->bind(4, digest).bind(5, sealed).bind(6, cr.card_hint).bind(7, cr.label);
    st->bind(8, domain::to_string(cr.status)).bind(9, expiry_of(cr)).bind(10, cr.legacy);
    st->bind(11, to_unix(cr.created_at));
    if (auto r = st->run(); !r) return r.error();
    return cr;
  });
}

outcome<domain::credential> sqlite_users::update_credential(domain::credential cr) {
  return write<domain::credential>([cr](connection& c) -> outcome<domain::credential> {
    auto st = c.prepare(
        "UPDATE credentials SET label = ?2, status = ?3, expires_at = ?4, legacy = ?5"
        " WHERE id = ?1");
    if (!st) return st.error();
    st->bind(1, cr.id).bind(2, cr.label).bind(3, domain::to_string(cr.status));
    st->bind(4, expiry_of(cr)).bind(5, cr.legacy);
    if (auto r = st->run(); !r) return r.error();
    if (c.changes() == 0) return domain::failure(domain::errc::not_found);
    return one<domain::credential>(c, select(credential_columns, "credentials", "WHERE id = ?1"),
                                   cr.id, read_credential);
  });
}

}  // namespace hubgate::store
