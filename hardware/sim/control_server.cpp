#include "hardware/sim/control_server.hpp"

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "hardware/sim/sim_error.hpp"

namespace hubgate::sim {
namespace {

constexpr std::size_t max_line = 4096;  // a longer line is abuse: the connection is dropped

}  // namespace

boost::system::result<std::unique_ptr<control_server>> control_server::listen(
    const std::string& path, handler h) {
  sockaddr_un addr{};
  if (path.empty() || path.size() >= sizeof addr.sun_path) return sim_errc::socket_failed;
  const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  if (fd < 0) return sim_errc::socket_failed;
  addr.sun_family = AF_UNIX;
  std::memcpy(addr.sun_path, path.c_str(), path.size() + 1);
  ::unlink(path.c_str());  // a socket file left by a crashed twin
  // The socket drives the door's relay and sensors in the twin: only its owner may connect.
  // Narrowed before listen(), so no connection is accepted while it is still open to others.
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
      ::chmod(path.c_str(), S_IRUSR | S_IWUSR) != 0 || ::listen(fd, 16) != 0) {
    ::close(fd);
    return sim_errc::socket_failed;
  }
  return std::unique_ptr<control_server>(new control_server(fd, path, std::move(h)));
}

control_server::~control_server() {
  for (auto& c : clients_) ::close(c.fd);
  if (listen_fd_ >= 0) {
    ::close(listen_fd_);
    ::unlink(path_.c_str());
  }
}

void control_server::add_pollfds(std::vector<pollfd>& fds) const {
  fds.push_back({listen_fd_, POLLIN, 0});
  for (const auto& c : clients_) {
    short events = c.closing ? 0 : POLLIN;
    if (!c.out.empty()) events |= POLLOUT;
    fds.push_back({c.fd, events, 0});
  }
}

void control_server::service(const std::vector<pollfd>& fds) {
  for (const auto& p : fds) {
    if (p.fd == listen_fd_) {
      if (p.revents & POLLIN) accept_clients();
      continue;
    }
    auto it = std::find_if(clients_.begin(), clients_.end(),
                           [&p](const client& c) { return c.fd == p.fd; });
    if (it == clients_.end() || p.revents == 0) continue;
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) read_from(*it);
  }
  for (auto& c : clients_) flush(c);
  std::erase_if(clients_, [](const client& c) {
    if (c.closing && c.out.empty()) {
      ::close(c.fd);
      return true;
    }
    return false;
  });
}

void control_server::accept_clients() {
  for (;;) {
    const int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
    if (fd < 0) return;
    clients_.push_back(client{fd});
  }
}

void control_server::read_from(client& c) {
  char buf[1024];
  for (;;) {
    const ssize_t n = ::read(c.fd, buf, sizeof buf);
    if (n > 0) {
      c.in.append(buf, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) {
      c.closing = true;  // half-closed: still answer what was asked, then close
    } else if (errno != EAGAIN && errno != EWOULDBLOCK) {
      c.closing = true;
      c.in.clear();
      c.out.clear();
    }
    break;
  }
  std::size_t pos;
  while ((pos = c.in.find('\n')) != std::string::npos) {
    std::string line = c.in.substr(0, pos);
    c.in.erase(0, pos + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (c.subscribed) continue;  // an event stream takes no further requests
    if (line == "subscribe") {
      c.subscribed = true;
      c.out += "ok\n";
      continue;
    }
    for (const auto& reply : handler_(line)) c.out += reply + "\n";
  }
  if (c.in.size() > max_line) {
    c.out += "err line too long\n";
    c.closing = true;
  }
}

void control_server::flush(client& c) {
  while (!c.out.empty()) {
    const ssize_t n = ::send(c.fd, c.out.data(), c.out.size(), MSG_NOSIGNAL);
    if (n > 0) {
      c.out.erase(0, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return;
    c.out.clear();
    c.closing = true;
    return;
  }
}

void control_server::broadcast(const std::string& line) {
  for (auto& c : clients_)
    if (c.subscribed && !c.closing) c.out += line + "\n";
}

}  // namespace hubgate::sim
