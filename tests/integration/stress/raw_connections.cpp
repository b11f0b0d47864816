#include "raw_connections.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>

namespace hubgate::stress {

int tcp_connect(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

std::size_t count_closed_by_peer(const std::vector<int>& fds) {
  std::vector<pollfd> polls;
  polls.reserve(fds.size());
  for (int fd : fds) polls.push_back({fd, POLLIN, 0});
  if (::poll(polls.data(), polls.size(), 0) < 0) return 0;
  std::size_t closed = 0;
  for (const auto& p : polls) {
    if (p.revents == 0) continue;
    char byte = 0;
    const auto n = ::recv(p.fd, &byte, 1, MSG_PEEK | MSG_DONTWAIT);
    // A server that gives up on a silent client may also answer before closing; only EOF or
    // an error means the connection is gone.
    if (n == 0 || (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK)) ++closed;
  }
  return closed;
}

void close_all(std::vector<int>& fds) {
  for (int fd : fds)
    if (fd >= 0) ::close(fd);
  fds.clear();
}

std::size_t raise_open_file_limit() {
  rlimit limit{};
  ::getrlimit(RLIMIT_NOFILE, &limit);
  limit.rlim_cur = limit.rlim_max;
  ::setrlimit(RLIMIT_NOFILE, &limit);
  ::getrlimit(RLIMIT_NOFILE, &limit);
  return static_cast<std::size_t>(limit.rlim_cur);
}

class tls_connection::state {
 public:
  SSL_CTX* ctx = nullptr;
  SSL* ssl = nullptr;
  int fd = -1;
  ~state() {
    if (ssl) SSL_free(ssl);
    if (ctx) SSL_CTX_free(ctx);
    if (fd >= 0) ::close(fd);
  }
};

tls_connection::tls_connection(std::unique_ptr<state> s) : state_(std::move(s)) {}
tls_connection::~tls_connection() = default;

std::unique_ptr<tls_connection> tls_connection::open(int port, const std::string& ca_file) {
  // An attacker's write after the service cut the connection must fail, not end the test
  // process with SIGPIPE.
  static const bool pipe_ignored = std::signal(SIGPIPE, SIG_IGN) != SIG_ERR;
  (void)pipe_ignored;
  auto s = std::make_unique<state>();
  s->ctx = SSL_CTX_new(TLS_client_method());
  if (!s->ctx || SSL_CTX_load_verify_locations(s->ctx, ca_file.c_str(), nullptr) != 1)
    return nullptr;
  SSL_CTX_set_verify(s->ctx, SSL_VERIFY_PEER, nullptr);
  s->fd = tcp_connect(port);
  if (s->fd < 0) return nullptr;
  const int one = 1;
  // Each trickled byte must leave at once as its own segment, as a slow client's would.
  ::setsockopt(s->fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
  s->ssl = SSL_new(s->ctx);
  if (!s->ssl) return nullptr;
  SSL_set_fd(s->ssl, s->fd);
  SSL_set_tlsext_host_name(s->ssl, "localhost");
  SSL_set1_host(s->ssl, "localhost");
  if (SSL_connect(s->ssl) != 1) {
    ERR_clear_error();
    return nullptr;
  }
  ::fcntl(s->fd, F_SETFL, ::fcntl(s->fd, F_GETFL) | O_NONBLOCK);
  return std::unique_ptr<tls_connection>(new tls_connection(std::move(s)));
}

bool tls_connection::write(std::string_view bytes) {
  if (closed_ || poll_closed()) return false;
  const int n = SSL_write(state_->ssl, bytes.data(), static_cast<int>(bytes.size()));
  if (n <= 0) {
    const int err = SSL_get_error(state_->ssl, n);
    ERR_clear_error();
    if (err != SSL_ERROR_WANT_WRITE && err != SSL_ERROR_WANT_READ) closed_ = true;
    return !closed_;
  }
  return true;
}

bool tls_connection::poll_closed() {
  while (!closed_) {
    char chunk[4096];
    const int n = SSL_read(state_->ssl, chunk, sizeof chunk);
    if (n > 0) {
      received_.append(chunk, static_cast<std::size_t>(n));
      continue;
    }
    const int err = SSL_get_error(state_->ssl, n);
    ERR_clear_error();
    if (err == SSL_ERROR_WANT_READ || err == SSL_ERROR_WANT_WRITE) break;
    closed_ = true;  // close_notify, EOF, reset or a protocol error
  }
  return closed_;
}

}  // namespace hubgate::stress
