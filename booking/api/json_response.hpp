// Building successful API responses: JSON bodies and the security headers every response
// carries (nosniff, HSTS, and no-store for API data, which is personal).
#pragma once
#include <boost/json/value.hpp>
#include <string>

#include "booking/http/http_message.hpp"

namespace hubgate::api {

// Adds nosniff, HSTS, frame and referrer policy; `api` additionally adds Cache-Control no-store.
void add_security_headers(http::http_response& response, bool api);

http::http_response json_response(int status, const boost::json::value& body);
// The same for a body already serialised.
http::http_response json_text_response(int status, std::string body);
http::http_response no_content();

}  // namespace hubgate::api
