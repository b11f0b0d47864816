#include "hardware/sim/pty_port.hpp"

#include <fcntl.h>
#include <poll.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include "hardware/sim/sim_error.hpp"

namespace hubgate::sim {
namespace {

// libnfc marks a port it holds with this c_iflag bit (its CCLAIMED) and refuses ports that
// carry it; a host killed while holding the port leaves the mark behind.
constexpr tcflag_t claimed_mark = 0x80000000;

}  // namespace

boost::system::result<pty_port> pty_port::open(const std::string& link_path) {
  pty_port port;
  port.master_ = ::posix_openpt(O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
  if (port.master_ < 0) return sim_errc::pty_unavailable;
  char name[PATH_MAX];
  if (::grantpt(port.master_) != 0 || ::unlockpt(port.master_) != 0 ||
      ::ptsname_r(port.master_, name, sizeof name) != 0) {
    return sim_errc::pty_unavailable;
  }
  port.slave_path_ = name;
  port.reset_line_settings();
  const std::string tmp = link_path + ".new";
  ::unlink(tmp.c_str());
  if (::symlink(port.slave_path_.c_str(), tmp.c_str()) != 0 ||
      ::rename(tmp.c_str(), link_path.c_str()) != 0) {
    ::unlink(tmp.c_str());
    return sim_errc::link_failed;
  }
  port.link_path_ = link_path;
  return port;
}

pty_port::pty_port(pty_port&& other) noexcept
    : master_(std::exchange(other.master_, -1)),
      slave_path_(std::move(other.slave_path_)),
      link_path_(std::exchange(other.link_path_, {})) {}

pty_port& pty_port::operator=(pty_port&& other) noexcept {
  if (this != &other) {
    close();
    master_ = std::exchange(other.master_, -1);
    slave_path_ = std::move(other.slave_path_);
    link_path_ = std::exchange(other.link_path_, {});
  }
  return *this;
}

pty_port::~pty_port() {
  close();
}

void pty_port::reset_line_settings() {
  if (master_ < 0) return;
  // On Linux the master's termios calls act on the slave side.
  termios tio{};
  if (::tcgetattr(master_, &tio) != 0) return;
  ::cfmakeraw(&tio);
  tio.c_iflag &= ~claimed_mark;
  tio.c_cflag |= CLOCAL | CREAD;
  ::tcsetattr(master_, TCSANOW, &tio);
}

bool pty_port::write_all(std::span<const std::uint8_t> data) {
  std::size_t done = 0;
  int stalls = 0;
  while (done < data.size() && master_ >= 0) {
    const ssize_t n = ::write(master_, data.data() + done, data.size() - done);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN && ++stalls < 50) {
      pollfd p{master_, POLLOUT, 0};
      ::poll(&p, 1, 10);
      continue;
    }
    return false;
  }
  return done == data.size();
}

void pty_port::close() {
  if (master_ >= 0) {
    ::close(master_);
    master_ = -1;
  }
  if (!link_path_.empty()) {
    // Only remove the link if it still points at our slave (a replug may have re-pointed it).
    char target[PATH_MAX];
    const ssize_t n = ::readlink(link_path_.c_str(), target, sizeof target - 1);
    if (n > 0) {
      target[n] = '\0';
      if (slave_path_ == target) ::unlink(link_path_.c_str());
    }
    link_path_.clear();
  }
}

}  // namespace hubgate::sim
