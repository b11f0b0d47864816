#include "protocol/private_file/private_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace hubgate::protocol {

std::error_code write_file_atomically(const std::filesystem::path& path, std::string_view content,
                                      unsigned mode) {
  const auto temporary = path.string() + ".tmp";
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
                        static_cast<mode_t>(mode));
  if (fd < 0) return {errno, std::system_category()};
  // umask may have narrowed the mode; never widen it beyond what was asked.
  bool ok = ::fchmod(fd, static_cast<mode_t>(mode)) == 0;
  std::size_t written = 0;
  while (ok && written < content.size()) {
    const auto n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  ok = (::close(fd) == 0) && ok;
  if (!ok || ::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::error_code failed{errno != 0 ? errno : EIO, std::system_category()};
    ::unlink(temporary.c_str());
    return failed;
  }
  return {};
}

}  // namespace hubgate::protocol
