// Whether a card UID appears anywhere in a store's files, as upper- or lower-case hex or as
// raw bytes: what the store must never write.
#pragma once
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "protocol/hex.hpp"

namespace hubgate::store::testing {

inline bool uid_on_disk(const std::filesystem::path& data_dir, std::string_view uid_hex) {
  std::string lower(uid_hex);
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  std::string raw(uid_hex.size() / 2, '\0');
  protocol::from_hex(uid_hex, std::span(reinterpret_cast<std::uint8_t*>(raw.data()), raw.size()));
  for (const char* name : {"hubgate.db", "hubgate.db-wal", "hubgate.db-journal"}) {
    std::ifstream in(data_dir / name, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    for (const auto& needle : {std::string(uid_hex), lower, raw})
      if (bytes.find(needle) != std::string::npos) return true;
  }
  return false;
}

}  // namespace hubgate::store::testing
