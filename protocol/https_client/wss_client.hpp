// A small synchronous WebSocket-over-TLS client for tests and tools: connects (optionally
// with a client certificate), upgrades, sends and reads text frames with deadlines.
#pragma once
#include <boost/system/result.hpp>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hubgate::client {

struct wss_client_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8444;
  std::string path = "/api/v1/controllers/stream";
  std::string ca_file;  // PEM of the CA to trust (the server is always verified)
  std::string client_cert_file, client_key_file;  // PEM; empty: no client certificate
  std::string server_name = "localhost";
  std::chrono::milliseconds timeout{30000};  // connect, TLS and WebSocket handshakes, writes
  // Extra header fields of the upgrade request (a Cookie, an Origin).
  std::vector<std::pair<std::string, std::string>> headers;
};

class wss_client {
 public:
  explicit wss_client(wss_client_options options);
  ~wss_client();
  wss_client(const wss_client&) = delete;
  wss_client& operator=(const wss_client&) = delete;

  // TCP connect, TLS handshake and WebSocket upgrade; an error when any of them fails
  // (including a server that closes the connection right after the TLS handshake).
  boost::system::result<void> connect();
  boost::system::result<void> send_text(std::string_view text);
  // The next text frame. On timeout (error_code beast::error::timeout) the read stays pending
  // and the next call continues it, so no frame is lost. Pings are answered while reading.
  boost::system::result<std::string> read_text(std::chrono::milliseconds deadline);
  // Sends a close frame and waits briefly for the server's.
  void close();
  bool is_open() const;
  // The HTTP status of the last upgrade answer (101 when it succeeded; 0 when none came).
  int handshake_status() const;

  class impl;

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace hubgate::client
