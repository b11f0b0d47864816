#include "booking/net/http_translation.hpp"

#include <algorithm>
#include <boost/beast/http/field.hpp>
#include <cctype>

#include "booking/net/http_conventions.hpp"

namespace hubgate::net::detail {
// Our message types; `http` below names Beast's.
using hubgate::http::http_request;
using hubgate::http::http_response;

namespace http = boost::beast::http;

namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// One formatted Date per second per thread: formatting on every response is measurable.
std::string current_http_date() {
  thread_local std::chrono::system_clock::time_point cached_second{};
  thread_local std::string cached;
  const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (now != cached_second || cached.empty()) {
    cached_second = now;
    cached = http_date(now);
  }
  return cached;
}

}  // namespace

http_request to_api_request(beast_request& message, const std::string& remote,
                            const std::optional<std::string>& client_cert_sha256) {
  http_request request;
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  request.headers.reserve(16);
  for (const auto& field : message)
    request.headers.emplace_back(lower(field.name_string()), std::string(field.value()));
  request.body = std::move(message.body());
  request.remote_address = remote;
  request.client_cert_sha256 = client_cert_sha256;
  const auto offered = request.header("x-request-id");
  request.request_id = is_sane_request_id(offered) ? std::string(offered) : make_request_id();
  return request;
}

beast_response to_beast_response(const http_request& request, http_response response,
                                 bool keep_alive, const std::string& server_name) {
  beast_response message;
  message.version(11);
  message.result(static_cast<unsigned>(response.status));
  for (auto& [name, value] : response.headers) message.insert(name, std::move(value));
  message.set(http::field::date, current_http_date());
  message.set(http::field::server, server_name);
  message.set("X-Request-Id", request.request_id);
  message.keep_alive(keep_alive);
  if (request.method == "HEAD") {
    message.content_length(response.body.size());
  } else {
    message.body() = std::move(response.body);
    message.prepare_payload();
  }
  return message;
}

}  // namespace hubgate::net::detail
