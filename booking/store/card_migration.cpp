#include "booking/store/card_migration.hpp"

#include "booking/domain/credential.hpp"

namespace hubgate::store {

outcome<void> seal_card_ids(connection& c, const card_cipher& cipher) {
  auto rows = c.prepare(
      "SELECT id, user_id, kind, card_id, label, status, expires_at, created_at FROM credentials");
  if (!rows) return rows.error();
  for (;;) {
    auto row = rows->step();
    if (!row) return row.error();
    if (!*row) return {};
    const auto card = rows->text(3);
    auto digest = cipher.digest(card);
    auto sealed = cipher.seal(card);
    if (!digest || !sealed) return card_cipher_failed();
    auto insert = c.prepare(
        "INSERT INTO credentials_sealed(id, user_id, kind, card_hmac, card_sealed, card_hint,"
        " label, status, expires_at, legacy, created_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10)");
    if (!insert) return insert.error();
    insert->bind(1, rows->text(0)).bind(2, rows->text(1)).bind(3, rows->text(2));
    insert->bind(4, *digest).bind(5, *sealed).bind(6, domain::card_hint_of(card));
    insert->bind(7, rows->text(4)).bind(8, rows->text(5)).bind(9, rows->optional_integer(6));
    insert->bind(10, rows->integer(7));
    if (auto r = insert->run(); !r) return r.error();
  }
}

}  // namespace hubgate::store
