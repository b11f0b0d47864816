// The service's Ed25519 list-signing key: made on first start in DATA_DIR/keys (mode 0600),
// loaded from there afterwards. Boards verify every access-list message with its public half.
#pragma once
#include <filesystem>

#include "protocol/keys.hpp"

namespace hubgate::controllers {

// DATA_DIR/keys/list-signing.pem.
std::filesystem::path list_signing_key_path(const std::filesystem::path& data_dir);

// Loads the key, or creates it (directory 0700, file 0600, written atomically) when absent.
protocol::result<protocol::signing_key> load_or_create_list_signing_key(
    const std::filesystem::path& data_dir);

}  // namespace hubgate::controllers
