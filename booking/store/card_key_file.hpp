// The service's card key: 32 random bytes made on first start in DATA_DIR/keys/card.key
// (mode 0600) and read from there afterwards. The store seals and digests card UIDs with it, so
// a backup of the database is of no use for cards without this file.
#pragma once
#include <boost/system/result.hpp>
#include <filesystem>

#include "booking/store/card_cipher.hpp"

namespace hubgate::store {

std::filesystem::path card_key_path(const std::filesystem::path& data_dir);

// Reads the key, or makes it (folder 0700, file 0600, written through a rename) when absent.
// card_key_unavailable when the file cannot be read or written or is not 32 bytes long.
boost::system::result<card_key> load_or_create_card_key(const std::filesystem::path& data_dir);

}  // namespace hubgate::store
