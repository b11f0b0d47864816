#include "booking/store/card_key_file.hpp"

#include <fcntl.h>
#include <openssl/rand.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <iterator>

#include "booking/store/store_errc.hpp"

namespace hubgate::store {
namespace {

namespace fs = std::filesystem;

bool write_private_file(const fs::path& path, const card_key& key) {
  const auto temp = path.string() + ".tmp";
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return false;
  bool ok = ::fchmod(fd, 0600) == 0;
  std::size_t done = 0;
  while (ok && done < key.size()) {
    const auto n = ::write(fd, key.data() + done, key.size() - done);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(temp.c_str(), path.c_str()) != 0) {
    ::unlink(temp.c_str());
    return false;
  }
  return true;
}

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
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1 || !write_private_file(path, key))
    return make_error_code(errc::card_key_unavailable);
  return key;
}

}  // namespace hubgate::store
