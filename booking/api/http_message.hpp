// The HTTP request and response as the api layer sees them: small value types of our own,
// so that nothing above booking/net includes Beast or Asio.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace hubgate::api {

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

// Called by booking/net on a worker thread (never an I/O thread), so it may block on the
// store. Must not throw: any failure is a response (a 500 is a bug, logged with the id).
class request_handler {
public:
  virtual ~request_handler() = default;
  virtual http_response handle(const http_request& request) = 0;
};

}  // namespace hubgate::api
