// The versioned schema: migration N brings a database from user_version N-1 to N. All
// pending migrations are applied at start in one transaction. Internal to booking/store.
#pragma once
#include "booking/store/card_cipher.hpp"
#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

// Applies the pending migrations; returns the resulting version. newer_schema when the file
// is ahead of this build (never downgrade silently). The cipher seals the card UIDs of a
// store from before they were kept sealed.
outcome<int> migrate(connection& c, const card_cipher& cipher);
// Stops at version `target` (for tests of a migration: they build the older schema first).
outcome<int> migrate(connection& c, const card_cipher& cipher, int target);

}  // namespace hubgate::store
