// Record ids and token digests made by the store. Internal to booking/store.
#pragma once
#include <string>
#include <string_view>

namespace hubgate::store {

// "<prefix>_" + 24 hex digits: 12 of the creation time in milliseconds, so that ids sort by
// creation and B-tree inserts stay local, then 12 from the system CSPRNG. Opaque to clients;
// every read checks authorisation, so an id grants nothing by itself.
std::string new_id(std::string_view prefix);
// Lower-case hex SHA-256, what the store keeps instead of session and API tokens.
std::string sha256_hex(std::string_view data);

}  // namespace hubgate::store
