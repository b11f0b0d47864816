// The small HTTP conventions of booking/net that need no Beast: request ids, the Date header,
// problem responses (RFC 9457) and the path of a target. Pure functions, unit-testable.
#pragma once
#include <chrono>
#include <string>
#include <string_view>

#include "booking/http/http_message.hpp"

namespace hubgate::net {

// A client-supplied X-Request-Id is kept when it is 1..64 characters of [A-Za-z0-9._-]:
// anything else could inject into logs or headers.
bool is_sane_request_id(std::string_view id);

// 16 random hex characters (64 bits): unique enough to find one request in the logs.
std::string make_request_id();

// IMF-fixdate, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
std::string http_date(std::chrono::system_clock::time_point when);

// application/problem+json with the stable `code` clients switch on.
http::http_response problem_response(int status, std::string_view code, std::string_view title,
                                     std::string_view detail = {});

// "/a/b?x=1" -> "/a/b": access logs never carry query strings (they may hold tokens).
std::string_view path_of(std::string_view target);

// path_of for access logs: also hides the secret in a calendar feed address
// ("/api/v1/calendar/<token>.ics" -> "/api/v1/calendar/{token}.ics").
std::string loggable_path(std::string_view target);

}  // namespace hubgate::net
