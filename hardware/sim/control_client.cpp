#include "hardware/sim/control_client.hpp"

#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "hardware/sim/sim_error.hpp"

namespace hubgate::sim {

boost::system::result<std::vector<std::string>> control_request(const std::string& socket_path,
                                                                std::string_view line) {
  sockaddr_un addr{};
  if (socket_path.empty() || socket_path.size() >= sizeof addr.sun_path)
    return sim_errc::socket_failed;
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return sim_errc::socket_failed;
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, socket_path.c_str(), socket_path.size() + 1);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return sim_errc::socket_failed;
  }
  std::string request(line);
  request += '\n';
  std::size_t sent = 0;
  while (sent < request.size()) {
    const ssize_t n = ::send(fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      ::close(fd);
      return sim_errc::connection_closed;
    }
    sent += static_cast<std::size_t>(n);
  }
  std::vector<std::string> lines;
  std::string buffer;
  char chunk[1024];
  for (;;) {
    std::size_t pos;
    while ((pos = buffer.find('\n')) != std::string::npos) {
      lines.push_back(buffer.substr(0, pos));
      buffer.erase(0, pos + 1);
      const std::string& last = lines.back();
      if (last == "ok" || last.starts_with("ok ") || last.starts_with("err")) {
        ::close(fd);
        return lines;
      }
    }
    const ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return sim_errc::connection_closed;
}

}  // namespace hubgate::sim
