// Hostile client connections for the abuse tests: plain TCP sockets that never speak and TLS
// connections (OpenSSL directly) that trickle bytes, so the test controls every single write.
#pragma once
#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::stress {

// A connected TCP socket to 127.0.0.1:port, or -1. The caller owns it (close_all).
int tcp_connect(int port);

// How many of `fds` the peer has closed (EOF or reset), polled without blocking.
std::size_t count_closed_by_peer(const std::vector<int>& fds);

void close_all(std::vector<int>& fds);

// Raises the soft limit on open files to the hard limit; returns the new soft limit.
std::size_t raise_open_file_limit();

// A TLS client connection verified against `ca_file` for "localhost", non-blocking once the
// handshake is done.
class tls_connection {
 public:
  // Connects and completes the handshake; nullptr when either fails.
  static std::unique_ptr<tls_connection> open(int port, const std::string& ca_file);
  ~tls_connection();
  tls_connection(const tls_connection&) = delete;
  tls_connection& operator=(const tls_connection&) = delete;

  // Writes all of `bytes` as one TLS record; false once the connection is gone.
  bool write(std::string_view bytes);
  // Reads whatever has arrived without waiting; true once the peer has closed (EOF, reset,
  // close_notify). What arrived is appended to received().
  bool poll_closed();
  const std::string& received() const { return received_; }

  class state;

 private:
  explicit tls_connection(std::unique_ptr<state> s);
  std::unique_ptr<state> state_;
  std::string received_;
  bool closed_ = false;
};

}  // namespace hubgate::stress
