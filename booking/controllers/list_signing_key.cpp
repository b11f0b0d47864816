#include "booking/controllers/list_signing_key.hpp"

#include <sys/stat.h>

#include "protocol/private_file/private_file.hpp"

namespace hubgate::controllers {

std::filesystem::path list_signing_key_path(const std::filesystem::path& data_dir) {
  return data_dir / "keys" / "list-signing.pem";
}

protocol::result<protocol::signing_key> load_or_create_list_signing_key(
    const std::filesystem::path& data_dir) {
  const auto path = list_signing_key_path(data_dir);
  std::error_code ec;
  if (std::filesystem::exists(path, ec)) return protocol::signing_key::load_pem_file(path);
  std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) return protocol::errc::io_error;
  ::chmod(path.parent_path().c_str(), 0700);
  auto key = protocol::signing_key::generate();
  if (!key) return key.error();
  if (protocol::write_file_atomically(path, key->to_pem(), 0600)) return protocol::errc::io_error;
  return key;
}

}  // namespace hubgate::controllers
