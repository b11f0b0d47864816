#include "door_controller/io/control_socket.hpp"

#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <boost/system/errc.hpp>
#include <cerrno>
#include <cstring>

#include "door_controller/io/io_error.hpp"

namespace hubgate::door {

boost::system::result<control_socket> control_socket::connect(const std::string& path) {
  sockaddr_un address{};
  if (path.size() >= sizeof address.sun_path) return io_errc::connect_failed;
  address.sun_family = AF_UNIX;
  std::memcpy(address.sun_path, path.c_str(), path.size() + 1);
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return io_errc::connect_failed;
  if (::connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    ::close(fd);
    return io_errc::connect_failed;
  }
  return control_socket(fd);
}

control_socket::control_socket(control_socket&& other) noexcept
    : fd_(other.fd_), buffer_(std::move(other.buffer_)) {
  other.fd_ = -1;
}

control_socket& control_socket::operator=(control_socket&& other) noexcept {
  if (this != &other) {
    close();
    fd_ = other.fd_;
    buffer_ = std::move(other.buffer_);
    other.fd_ = -1;
  }
  return *this;
}

control_socket::~control_socket() {
  close();
}

void control_socket::close() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  buffer_.clear();
}

boost::system::result<void> control_socket::send_line(std::string_view line) {
  if (fd_ < 0) return io_errc::write_failed;
  std::string data(line);
  data.push_back('\n');
  std::size_t sent = 0;
  while (sent < data.size()) {
    const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return io_errc::write_failed;
    sent += static_cast<std::size_t>(n);
  }
  return {};
}

boost::system::result<std::string> control_socket::read_line(int timeout_ms, int cancel_fd) {
  if (fd_ < 0) return io_errc::connect_failed;
  while (true) {
    if (const auto end = buffer_.find('\n'); end != std::string::npos) {
      std::string line = buffer_.substr(0, end);
      buffer_.erase(0, end + 1);
      return line;
    }
    pollfd fds[2] = {{fd_, POLLIN, 0}, {cancel_fd, POLLIN, 0}};
    const int ready = ::poll(fds, cancel_fd >= 0 ? 2 : 1, timeout_ms);
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return io_errc::bad_reply;
    if (ready == 0) return boost::system::errc::make_error_code(boost::system::errc::timed_out);
    if (cancel_fd >= 0 && (fds[1].revents & POLLIN) != 0)
      return boost::system::errc::make_error_code(boost::system::errc::operation_canceled);
    char chunk[512];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return io_errc::connect_failed;
    buffer_.append(chunk, static_cast<std::size_t>(n));
  }
}

boost::system::result<std::string> control_socket::request(std::string_view line, int timeout_ms) {
  if (auto sent = send_line(line); !sent) return sent.error();
  return read_line(timeout_ms);
}

}  // namespace hubgate::door
