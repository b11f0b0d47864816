#include "booking/store/card_key_file.hpp"

#include <openssl/rand.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <string_view>

#include "booking/store/store_errc.hpp"
#include "protocol/private_file/private_file.hpp"

namespace hubgate::store {
namespace {

namespace fs = std::filesystem;

boost::system::result<card_key> read_key(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  card_key key{};
  if (bytes.size() != key.size()) return make_error_code(errc::card_key_unavailable);
  std::copy(bytes.begin(), bytes.end(), key.begin());
  return key;
}

}  // namespace

fs::path card_key_path(const fs::path& data_dir) {
  return data_dir / "keys" / "card.key";
}

boost::system::result<card_key> load_or_create_card_key(const fs::path& data_dir) {
  const auto path = card_key_path(data_dir);
  std::error_code ec;
  if (fs::exists(path, ec)) return read_key(path);
  if (ec) return make_error_code(errc::card_key_unavailable);
  fs::create_directories(path.parent_path(), ec);
  if (ec || ::chmod(path.parent_path().c_str(), 0700) != 0)
    return make_error_code(errc::card_key_unavailable);
  card_key key{};
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
    return make_error_code(errc::card_key_unavailable);
  const std::string_view bytes(reinterpret_cast<const char*>(key.data()), key.size());
  if (protocol::write_file_atomically(path, bytes, 0600))
    return make_error_code(errc::card_key_unavailable);
  return key;
}

}  // namespace hubgate::store
