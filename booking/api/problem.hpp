// Error responses of the HTTP API: RFC 9457 problem documents with a stable `code`, so that
// clients branch on the code and never on the human-readable title or detail.
#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "booking/http/http_message.hpp"

namespace hubgate::api {

// One invalid input field of a 422 `validation_failed` problem.
struct field_error {
  std::string field;    // JSON member or query parameter name, e.g. "start"
  std::string code;     // stable: "required", "wrong_type", "unknown_field", "invalid", ...
  std::string message;  // for people
};

struct problem {
  int status = 500;
  std::string code;    // stable, snake_case: "not_found", "booking_conflict", ...
  std::string title;   // short, the same for every occurrence of this code
  std::string detail;  // this occurrence
  std::vector<field_error> errors;
  std::vector<std::pair<std::string, std::string>> headers;  // e.g. Allow, Retry-After
  std::string extra_json;  // optional: further members as a JSON object text ("{...}")
};

// The usual problems, named after their code.
problem bad_request(std::string code, std::string detail);
problem validation_failed(std::vector<field_error> errors);
problem validation_failed(std::string field, std::string code, std::string message);
problem unauthenticated(std::string detail = "sign in or present a bearer token");
problem forbidden(std::string detail = "this needs a privilege you do not have");
problem not_found(std::string detail = "no such resource");
problem method_not_allowed(const std::vector<std::string>& allowed);
problem conflict(std::string code, std::string detail);
problem unsupported_media_type(std::string detail);
problem payload_too_large(std::size_t limit);
problem rate_limited(long retry_after_seconds);
problem internal_error();

// Renders the problem as application/problem+json, with `request_id` and the API's
// security headers.
http::http_response to_response(const problem& p, std::string_view request_id);

// The human title for a status code ("Not Found"), used when a problem has none.
std::string_view status_title(int status);

}  // namespace hubgate::api
