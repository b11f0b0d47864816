#include "booking/api/json_response.hpp"

#include <boost/json/serialize.hpp>

namespace hubgate::api {

void add_security_headers(http::http_response& response, bool api) {
  response.set_header("x-content-type-options", "nosniff");
  response.set_header("strict-transport-security", "max-age=31536000; includeSubDomains");
  response.set_header("x-frame-options", "DENY");
  response.set_header("referrer-policy", "no-referrer");
  if (api) response.set_header("cache-control", "no-store");
}

http::http_response json_response(int status, const boost::json::value& body) {
  return json_text_response(status, boost::json::serialize(body));
}

http::http_response json_text_response(int status, std::string body) {
  http::http_response r;
  r.status = status;
  r.body = std::move(body);
  r.set_header("content-type", "application/json");
  add_security_headers(r, true);
  return r;
}

http::http_response no_content() {
  http::http_response r;
  r.status = 204;
  add_security_headers(r, true);
  return r;
}

}  // namespace hubgate::api
