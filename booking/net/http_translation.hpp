// Converts between Beast's HTTP messages and the api layer's own types, adding the headers
// every response carries (Date, Server, X-Request-Id). Internal to booking/net.
#pragma once
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>
#include <string>

#include "booking/http/http_message.hpp"

namespace hubgate::net::detail {

using beast_request = boost::beast::http::request<boost::beast::http::string_body>;
using beast_response = boost::beast::http::response<boost::beast::http::string_body>;

// Moves the body out of `message`. Header names are lower-cased; the request id is the
// client's X-Request-Id when sane, else a fresh one.
http::http_request to_api_request(beast_request& message, const std::string& remote,
                                  const std::optional<std::string>& client_cert_sha256);

// HEAD keeps Content-Length but sends no body.
beast_response to_beast_response(const http::http_request& request, http::http_response response,
                                 bool keep_alive, const std::string& server_name);

}  // namespace hubgate::net::detail
