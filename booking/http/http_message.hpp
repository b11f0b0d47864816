// The HTTP request and response as the api layer sees them: small value types of our own,
// so that nothing above booking/net includes Beast or Asio.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hubgate::http {

struct http_request {
  std::string method;  // upper case: "GET", "POST", ...
  std::string target;  // origin-form as received: path and optional query ("/api/v1/x?a=b")
  std::vector<std::pair<std::string, std::string>> headers;  // names in lower case
  std::string body;
  std::string remote_address;  // peer IP as text
  std::string request_id;      // assigned by net, echoed in logs and X-Request-Id
  // SHA-256 (hex) of the client certificate when the peer presented one (controller port).
  std::optional<std::string> client_cert_sha256;

  // First header with this lower-case name, or empty.
  std::string_view header(std::string_view lower_name) const {
    for (const auto& [name, value] : headers)
      if (name == lower_name) return value;
    return {};
  }
};

struct http_response {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. {"content-type", "..."}
  std::string body;

  void set_header(std::string name, std::string value) {
    for (auto& [n, v] : headers)
      if (n == name) {
        v = std::move(value);
        return;
      }
    headers.emplace_back(std::move(name), std::move(value));
  }
};

// Gets a request's response exactly once, on any thread.
using reply_fn = std::function<void(http_response)>;

// booking/net offers each request on the connection's I/O thread, first to answer_now(): a
// handler answers there only what it can from memory (a thread hand-off costs more than such
// an answer). Then to answer_later(): a handler takes there a write that waits for nothing
// but the store's writer, which calls `reply` after its commit, so no thread blocks on it.
// Everything else goes to handle() on a worker thread, where it may block on the store. None
// may throw: any failure is a response (a 500 is a bug, logged with the id).
class request_handler {
 public:
  virtual ~request_handler() = default;
  virtual http_response handle(const http_request& request) = 0;
  virtual std::optional<http_response> answer_now(const http_request&) { return std::nullopt; }
  // True when taken (`reply` then runs exactly once, at once or later); false, without
  // calling `reply`, sends the request to handle().
  virtual bool answer_later(const http_request&, const reply_fn&) { return false; }
};

}  // namespace hubgate::http
