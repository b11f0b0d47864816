// Untrusted bytes as an HTTP/1.1 request, parsed with the server's limits and translated both
// ways the way a session does (header lower-casing, request ids, HEAD, problem bodies).
#include <boost/asio/buffer.hpp>
#include <boost/beast/http.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "booking/net/http_conventions.hpp"
#include "booking/net/http_translation.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace http = boost::beast::http;
  http::request_parser<http::string_body> parser;
  parser.header_limit(16 * 1024);
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::system::error_code ec;
  parser.put(boost::asio::buffer(data, size), ec);
  if (!ec && !parser.is_done()) parser.put_eof(ec);
  if (ec || !parser.is_done()) {
    auto problem = hubgate::net::problem_response(400, "bad_request", "Bad Request", ec.message());
    (void)problem;
    return 0;
  }
  auto request = hubgate::net::detail::to_api_request(parser.get(), "127.0.0.1", std::nullopt);
  if (!hubgate::net::is_sane_request_id(request.request_id)) __builtin_trap();
  (void)hubgate::net::path_of(request.target);
  hubgate::http::http_response response;
  response.set_header("content-type", "application/json");
  response.body = request.body;
  auto message = hubgate::net::detail::to_beast_response(request, response,
                                                         parser.get().keep_alive(), "hubgate");
  if (request.method == "HEAD" && !message.body().empty()) __builtin_trap();
  return 0;
}
