// The code part of the migration that stops keeping card UIDs in clear: each card's UID is
// replaced by its digest, its sealed form and its hint. Internal to booking/store.
#pragma once
#include "booking/store/card_cipher.hpp"
#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

// Copies every row of `credentials` (with its clear card_id) into `credentials_sealed`, and
// marks each card legacy: every card is read by its UID today, DESFire ones included.
outcome<void> seal_card_ids(connection& c, const card_cipher& cipher);

}  // namespace hubgate::store
