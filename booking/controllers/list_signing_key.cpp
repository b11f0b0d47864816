#include "booking/controllers/list_signing_key.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <string>

namespace hubgate::controllers {
namespace {

bool write_private_file(const std::filesystem::path& path, const std::string& text) {
  const auto temp = path.string() + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  std::size_t done = 0;
  while (done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) {
      ::close(fd);
      return false;
    }
    done += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  ::close(fd);
  return synced && ::rename(temp.c_str(), path.c_str()) == 0;
}

}  // namespace

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
  if (!write_private_file(path, key->to_pem())) return protocol::errc::io_error;
  return key;
}

}  // namespace hubgate::controllers
