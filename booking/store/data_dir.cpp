#include "booking/store/data_dir.hpp"

namespace hubgate::store {

namespace fs = std::filesystem;

namespace {

constexpr fs::perms open_to_others = fs::perms::group_all | fs::perms::others_all;

std::error_code narrow(const fs::path& path) {
  std::error_code ec;
  const auto status = fs::symlink_status(path, ec);
  if (ec || fs::is_symlink(status)) return ec;
  if ((status.permissions() & open_to_others) != fs::perms::none)
    fs::permissions(path, open_to_others, fs::perm_options::remove | fs::perm_options::nofollow,
                    ec);
  return ec;
}

}  // namespace

std::error_code prepare_data_dir(const fs::path& data_dir) {
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return ec;
  fs::permissions(data_dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  if (ec) return ec;
  // The store's files and the key and TLS folders sit at the top; what they hold is made by
  // their owners with private modes, so one level is enough.
  for (fs::directory_iterator it(data_dir, ec), end; !ec && it != end; it.increment(ec))
    if (auto narrowed = narrow(it->path())) return narrowed;
  return ec;
}

}  // namespace hubgate::store
