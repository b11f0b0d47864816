// A small synchronous keep-alive HTTPS client for the door's enrolment, tests, tools and
// benchmarks: below both halves, so it has its own response type (Beast stays in the .cpp).
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

// A response as the client received it.
struct http_response {
  int status = 0;
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
};

struct https_client_options {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8443;
  std::string ca_file;    // PEM of the CA to trust; empty with insecure = no verification
  bool insecure = false;  // skip certificate verification (never in production code)
  std::string client_cert_file, client_key_file;  // PEM, for mutual TLS
  std::string server_name = "localhost";          // SNI and the name the certificate must carry
  std::chrono::milliseconds timeout{30000};       // per connect, handshake, write and read
};

// What raw_exchange saw: the bytes the server sent and how the exchange ended.
struct raw_result {
  std::string received;
  bool closed_by_peer = false;  // EOF, close_notify, reset or a truncated TLS stream
  bool timed_out = false;       // the read deadline passed with the connection still open
};

class https_client {
 public:
  explicit https_client(https_client_options options);
  ~https_client();
  https_client(const https_client&) = delete;
  https_client& operator=(const https_client&) = delete;

  using header_list = std::vector<std::pair<std::string, std::string>>;

  // Sends one request on the kept-alive connection, connecting (or reconnecting when the
  // server closed it) as needed; adds Host and Content-Length. Response header names are lower
  // case. Errors (connect, TLS, timeout, malformed response) are values.
  boost::system::result<http_response> try_request(std::string_view method, std::string_view target,
                                                   const header_list& headers = {},
                                                   std::string_view body = {});

  // Same, throwing std::runtime_error on a transport error: convenient in tests.
  http_response request(std::string_view method, std::string_view target,
                        const header_list& headers = {}, std::string_view body = {});

  // Opens a fresh TLS connection, writes `bytes` verbatim, then reads until the peer closes
  // or `read_deadline` passes. For tests of malformed HTTP and slow clients. The connection is
  // dropped afterwards.
  boost::system::result<raw_result> raw_exchange(std::string_view bytes,
                                                 std::chrono::milliseconds read_deadline);

  // Opens a TLS connection, writes `bytes` and keeps the connection open without reading; then
  // wait_closed() reads until the peer closes or the deadline passes (a slowloris client).
  boost::system::result<void> raw_send(std::string_view bytes);
  boost::system::result<raw_result> wait_closed(std::chrono::milliseconds deadline);

  // How many TLS connections this client has opened (keep-alive tests compare it).
  std::size_t connections_opened() const;

  void close();

  class impl;

 private:
  std::unique_ptr<impl> impl_;
};

}  // namespace hubgate::client
