#include "booking/api/problem.hpp"

#include <fmt/format.h>

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "booking/api/json_response.hpp"

namespace hubgate::api {
namespace {

problem make(int status, std::string code, std::string detail) {
  problem p;
  p.status = status;
  p.code = std::move(code);
  p.title = std::string(status_title(status));
  p.detail = std::move(detail);
  return p;
}

}  // namespace

problem bad_request(std::string code, std::string detail) {
  return make(400, std::move(code), std::move(detail));
}

problem validation_failed(std::vector<field_error> errors) {
  std::string detail = "the request has invalid fields";
  if (errors.size() == 1) detail = fmt::format("{}: {}", errors[0].field, errors[0].message);
  // DST problems have their own stable codes, so a UI can explain them specifically.
  std::string code = "validation_failed";
  for (const auto& e : errors)
    if (e.code == "nonexistent_local_time" || e.code == "ambiguous_local_time") code = e.code;
  problem p = make(422, std::move(code), std::move(detail));
  p.errors = std::move(errors);
  return p;
}

problem validation_failed(std::string field, std::string code, std::string message) {
  return validation_failed({field_error{std::move(field), std::move(code), std::move(message)}});
}

problem unauthenticated(std::string detail) {
  problem p = make(401, "unauthenticated", std::move(detail));
  p.headers.emplace_back("www-authenticate", "Bearer realm=\"hubgate\"");
  return p;
}

problem forbidden(std::string detail) {
  return make(403, "forbidden", std::move(detail));
}

problem not_found(std::string detail) {
  return make(404, "not_found", std::move(detail));
}

problem method_not_allowed(const std::vector<std::string>& allowed) {
  std::string allow;
  for (const auto& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
  problem p = make(405, "method_not_allowed", fmt::format("this resource allows {}", allow));
  p.headers.emplace_back("allow", allow);
  return p;
}

problem conflict(std::string code, std::string detail) {
  return make(409, std::move(code), std::move(detail));
}

problem unsupported_media_type(std::string detail) {
  return make(415, "unsupported_media_type", std::move(detail));
}

problem payload_too_large(std::size_t limit) {
  return make(413, "payload_too_large", fmt::format("the body exceeds {} bytes", limit));
}

problem rate_limited(long retry_after_seconds) {
  problem p = make(429, "rate_limited", "too many attempts; try again later");
  p.headers.emplace_back("retry-after", std::to_string(retry_after_seconds));
  return p;
}

problem internal_error() {
  return make(500, "internal_error", "the service failed; the request id is in its log");
}

http::http_response to_response(const problem& p, std::string_view request_id) {
  boost::json::object body;
  if (!p.extra_json.empty()) {
    boost::system::error_code ec;
    auto extra = boost::json::parse(p.extra_json, ec);
    if (!ec && extra.is_object()) body = std::move(extra.as_object());
  }
  body["type"] = fmt::format("/api/v1/problems/{}", p.code);
  body["title"] = p.title.empty() ? std::string(status_title(p.status)) : p.title;
  body["status"] = p.status;
  body["detail"] = p.detail;
  body["code"] = p.code;
  body["request_id"] = request_id;
  if (!p.errors.empty()) {
    boost::json::array errors;
    for (const auto& e : p.errors)
      errors.push_back({{"field", e.field}, {"code", e.code}, {"message", e.message}});
    body["errors"] = std::move(errors);
  }
  http::http_response r;
  r.status = p.status;
  r.body = boost::json::serialize(body);
  r.set_header("content-type", "application/problem+json");
  for (const auto& [name, value] : p.headers) r.set_header(name, value);
  add_security_headers(r, true);
  return r;
}

std::string_view status_title(int status) {
  switch (status) {
    case 400:
      return "Bad Request";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden";
    case 404:
      return "Not Found";
    case 405:
      return "Method Not Allowed";
    case 409:
      return "Conflict";
    case 413:
      return "Content Too Large";
    case 415:
      return "Unsupported Media Type";
    case 422:
      return "Unprocessable Content";
    case 429:
      return "Too Many Requests";
    case 500:
      return "Internal Server Error";
    case 503:
      return "Service Unavailable";
    default:
      return "Error";
  }
}

}  // namespace hubgate::api
