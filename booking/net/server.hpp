// The HTTPS front of the booking service: accepts TLS connections, parses HTTP/1.1 and hands
// each request to an http::request_handler (answer_now on the I/O thread, else handle on a
// worker pool). No Beast or Asio type leaks here.
#pragma once
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>

#include "booking/http/http_message.hpp"
#include "booking/http/websocket_handler.hpp"

namespace hubgate::net {

struct server_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8443;                      // 0 = pick a free one (see server::port())
  std::string cert_chain_file, private_key_file;  // PEM
  std::string client_ca_file;       // non-empty: require a client certificate signed by this CA
  std::size_t io_threads = 0;       // 0 = std::thread::hardware_concurrency()
  std::size_t worker_threads = 64;  // where http::request_handler::handle runs (it may block)
  std::size_t body_limit = 1 << 20, header_limit = 16 * 1024;
  // header_timeout runs from the first byte of a request (or the connection's start, which
  // covers the TLS handshake) to the end of its header; body_timeout covers the body;
  // idle_timeout is how long a keep-alive connection may wait for its next request.
  std::chrono::seconds header_timeout{10}, body_timeout{30}, idle_timeout{60};
  std::size_t max_connections = 20000;  // beyond it new connections are closed at once
  std::string server_name = "hubgate";  // the Server header

  // Runs on an I/O thread right after the TLS handshake with the client certificate's SHA-256
  // (lower-case hex; empty when none was presented). false closes the connection before
  // anything is read, so a refused peer (a revoked controller) gets no application data.
  // Must be quick and must not block.
  std::function<bool(const std::string& sha256)> client_cert_check;

  // WebSocket endpoints: exact request path -> handler (which must outlive the server). An
  // upgrade request for any other path is answered 404.
  std::map<std::string, http::websocket_handler*, std::less<>> websocket_endpoints;
  // When true, an upgrade request for one of websocket_endpoints first goes to the request
  // handler like any request (so routes, authentication and privileges apply): only a 101
  // answer lets the upgrade proceed, any other answer is sent to the client as it is.
  bool websocket_upgrades_through_handler = false;
  // A ping goes out every ws_ping_interval; a peer from which nothing (not even a pong) has
  // arrived for ws_dead_after is dropped (half-open connections).
  std::chrono::seconds ws_ping_interval{10}, ws_dead_after{30};
  std::size_t ws_message_limit = 1 << 20;   // largest frame accepted from a peer
  std::size_t ws_queue_limit = 256u << 20;  // bytes queued for a peer before it is dropped
};

// Each server owns its io_context, its I/O threads and its worker pool, so several servers
// (the public port and the mutual-TLS controller port) run side by side in one process and
// stop independently. Behaviour per request:
//   - TLS 1.2/1.3 only, ECDHE + AEAD suites, server preference, no compression or
//     renegotiation; with client_ca_file a verified client certificate is mandatory and its
//     SHA-256 reaches the handler as http_request::client_cert_sha256;
//   - 400 `bad_request`, 413 `payload_too_large`, 431 `header_too_large` as
//     application/problem+json, after which the connection is closed;
//   - every response carries Date, Server and X-Request-Id (the client's own id is kept when
//     it is a sane token of at most 64 characters [A-Za-z0-9._-], else one is made);
//   - one access-log line per request at debug level: event "http_request" with method,
//     path (no query), status, bytes, duration_us, request_id, remote;
//   - WebSocket upgrades on a path of websocket_endpoints become WebSocket connections on the
//     same TLS stream (see ws_session.hpp); other upgrade requests are answered 404.
class server {
 public:
  // Loads the TLS material and binds the listening socket. Throws std::runtime_error with a
  // message naming the file or address when it cannot (start-up is the one place where an
  // exception is the clearest error: the caller prints it and exits non-zero).
  server(server_options options, http::request_handler& handler);
  ~server();
  server(const server&) = delete;
  server& operator=(const server&) = delete;

  std::uint16_t port() const;

  // Serves on the calling thread plus io_threads - 1 more. Returns after SIGTERM/SIGINT or
  // stop(): no new connections are accepted, idle connections are closed, in-flight requests
  // get their response (with Connection: close), then it returns. Call it at most once.
  void run_until_signal();

  // Starts the same graceful stop; callable from any thread, also before run_until_signal.
  void stop();

  // Loads cert_chain_file and private_key_file again (a renewed certificate): connections
  // accepted from now on use it, open ones keep theirs. Throws std::runtime_error naming the
  // file when it cannot be used; the server then keeps the certificate it had.
  void reload_tls();

  // Number of open connections (for tests and metrics).
  std::size_t connection_count() const;

  // True when the calling thread is one of this server's I/O threads: the handler is never
  // called on one (tests assert it).
  bool on_io_thread() const;

  class impl;

 private:
  std::shared_ptr<impl> impl_;
};

}  // namespace hubgate::net
