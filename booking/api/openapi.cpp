#include "booking/api/openapi.hpp"

#include <fmt/format.h>

#include <set>

namespace hubgate::api {
namespace {

boost::json::object ref(std::string_view schema) {
  return {{"$ref", fmt::format("#/components/schemas/{}", schema)}};
}

boost::json::object problem_response(std::string_view description) {
  return {{"description", description},
          {"content", {{"application/problem+json", {{"schema", ref("problem")}}}}}};
}

// Path parameters are the {name} parts of the pattern.
std::vector<std::string> path_params(std::string_view pattern) {
  std::vector<std::string> out;
  std::size_t pos = 0;
  while ((pos = pattern.find('{', pos)) != std::string_view::npos) {
    auto end = pattern.find('}', pos);
    out.emplace_back(pattern.substr(pos + 1, end - pos - 1));
    pos = end;
  }
  return out;
}

boost::json::object operation(const route& r) {
  boost::json::object op;
  op["summary"] = r.doc.summary;
  op["operationId"] = fmt::format("{}_{}", r.method, r.pattern);
  op["x-privilege"] = to_string(r.needs);
  if (r.needs == privilege::anonymous) op["security"] = boost::json::array{};
  boost::json::array params;
  for (const auto& p : path_params(r.pattern))
    params.push_back(
        {{"name", p}, {"in", "path"}, {"required", true}, {"schema", {{"type", "string"}}}});
  for (auto q : r.doc.query)
    params.push_back(
        {{"name", q}, {"in", "query"}, {"required", false}, {"schema", {{"type", "string"}}}});
  if (!params.empty()) op["parameters"] = std::move(params);
  if (!r.doc.request_schema.empty())
    op["requestBody"] = {
        {"required", true},
        {"content", {{"application/json", {{"schema", ref(r.doc.request_schema)}}}}}};

  boost::json::object responses;
  boost::json::object ok{{"description", "success"}};
  if (r.doc.response_schema == "metrics_text")
    ok["content"] = {{"text/plain", {{"schema", {{"type", "string"}}}}}};
  else if (r.doc.response_schema == "ical_text")
    ok["content"] = {{"text/calendar", {{"schema", ref("ical_text")}}}};
  else if (!r.doc.response_schema.empty())
    ok["content"] = {{"application/json", {{"schema", ref(r.doc.response_schema)}}}};
  if (r.doc.response_schema == "utilisation_report")
    ok["content"].as_object()["text/csv"] = {{"schema", {{"type", "string"}}}};
  if (r.doc.response_schema == "ical_text")
    responses["304"] = {{"description", "not modified (If-None-Match matched the ETag)"}};
  responses[std::to_string(r.doc.success_status)] = std::move(ok);

  std::string codes = "validation_failed, malformed_json, malformed_target";
  for (auto e : r.doc.errors) codes += fmt::format(", {}", e);
  responses["400"] = problem_response("malformed_json or malformed_target");
  if (r.needs != privilege::anonymous) {
    responses["401"] = problem_response("unauthenticated");
    responses["403"] = problem_response("forbidden or csrf_failed");
  }
  responses["404"] = problem_response("not_found");
  responses["405"] = problem_response("method_not_allowed (see Allow)");
  if (r.method != "GET" && r.method != "DELETE") {
    responses["413"] = problem_response("payload_too_large");
    responses["415"] = problem_response("unsupported_media_type");
  }
  responses["409"] = problem_response("conflicts: booking_conflict, quota_exceeded, ...");
  responses["422"] = problem_response("validation_failed (errors[] per field), rule refusals");
  if (r.pattern == "/api/v1/auth/login") responses["429"] = problem_response("rate_limited");
  responses["500"] = problem_response("internal_error (a bug; the request_id is logged)");
  op["responses"] = std::move(responses);
  op["x-problem-codes"] = codes;
  return op;
}

}  // namespace

boost::json::object openapi_document(const router& routes) {
  boost::json::object paths;
  for (const auto& r : routes.routes()) {
    std::string key(r.pattern.substr(std::string_view("/api/v1").size()));
    auto& item = paths[key];
    if (!item.is_object()) item = boost::json::object{};
    std::string method(r.method);
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    item.as_object()[method] = operation(r);
  }
  boost::json::object doc;
  doc["openapi"] = "3.1.0";
  doc["info"] = {{"title", "Hubgate booking API"},
                 {"version", "1.0.0"},
                 {"description",
                  "Books the spaces of a Digital Innovation Hub. Times are RFC 3339 with an "
                  "offset, or local wall times read in the site's time zone. Errors are RFC 9457 "
                  "problem documents with a stable `code`."}};
  doc["servers"] = boost::json::array{{{"url", "/api/v1"}}};
  doc["paths"] = std::move(paths);
  doc["components"] = {{"schemas", openapi_schemas()},
                       {"securitySchemes",
                        {{"session",
                          {{"type", "apiKey"},
                           {"in", "cookie"},
                           {"name", "hubgate_session"},
                           {"description", "Unsafe methods also need X-CSRF-Token"}}},
                         {"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}};
  doc["security"] =
      boost::json::array{{{"session", boost::json::array{}}}, {{"bearer", boost::json::array{}}}};
  return doc;
}

}  // namespace hubgate::api
