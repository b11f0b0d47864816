#include "booking/api/json_input.hpp"

#include <fmt/format.h>

#include <boost/json/parse.hpp>
#include <boost/json/parse_options.hpp>
#include <cmath>

#include "booking/domain/local_time.hpp"
#include "protocol/json_fields.hpp"

namespace hubgate::api {
namespace {

bool is_json_content_type(std::string_view ct) {
  auto semi = ct.find(';');
  std::string_view media = ct.substr(0, semi);
  while (!media.empty() && media.back() == ' ') media.remove_suffix(1);
  std::string lower(media);
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json";
}

std::string_view type_name(const boost::json::value& v) {
  switch (v.kind()) {
    case boost::json::kind::string:
      return "string";
    case boost::json::kind::bool_:
      return "boolean";
    case boost::json::kind::array:
      return "array";
    case boost::json::kind::object:
      return "object";
    case boost::json::kind::null:
      return "null";
    default:
      return "number";
  }
}

}  // namespace

api_result<boost::json::object> parse_json_body(const http::http_request& request) {
  if (request.body.size() > max_json_body) return payload_too_large(max_json_body);
  std::string_view body = request.body;
  bool blank = body.find_first_not_of(" \t\r\n") == std::string_view::npos;
  if (blank) return boost::json::object{};
  if (!is_json_content_type(request.header("content-type")))
    return unsupported_media_type("send the body as application/json");
  boost::json::parse_options options;
  options.max_depth = 16;
  boost::system::error_code ec;
  boost::json::value v = boost::json::parse(body, ec, {}, options);
  if (ec)
    return bad_request("malformed_json",
                       fmt::format("the body is not valid JSON: {}", ec.message()));
  if (!v.is_object())
    return validation_failed("", "wrong_type",
                             fmt::format("expected an object, got {}", type_name(v)));
  return std::move(v.as_object());
}

body_fields::body_fields(const boost::json::object& object, std::string prefix)
    : object_(object), prefix_(std::move(prefix)) {}

std::string body_fields::path(std::string_view name) const {
  return prefix_.empty() ? std::string(name) : fmt::format("{}.{}", prefix_, name);
}

bool body_fields::present(std::string_view name) const {
  auto it = object_.find(name);
  return it != object_.end() && !it->value().is_null();
}

bool body_fields::explicit_null(std::string_view name) const {
  auto it = object_.find(name);
  return it != object_.end() && it->value().is_null();
}

void body_fields::error(std::string_view name, std::string code, std::string message) {
  errors_.push_back({path(name), std::move(code), std::move(message)});
}

void body_fields::merge(std::vector<field_error> errors) {
  for (auto& e : errors) errors_.push_back(std::move(e));
}

const boost::json::value* body_fields::lookup(std::string_view name, need n) {
  known_.emplace(name);
  auto it = object_.find(name);
  if (it == object_.end() || it->value().is_null()) {
    if (n == need::required) error(name, "required", "is required");
    return nullptr;
  }
  return &it->value();
}

std::optional<std::string> body_fields::text(std::string_view name, need n,
                                             std::size_t max_length) {
  const auto* v = lookup(name, n);
  if (!v) return std::nullopt;
  if (!v->is_string()) {
    error(name, "wrong_type", fmt::format("expected a string, got {}", type_name(*v)));
    return std::nullopt;
  }
  const auto& s = v->get_string();
  if (s.size() > max_length) {
    error(name, "too_long", fmt::format("at most {} characters", max_length));
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::int64_t> body_fields::integer(std::string_view name, need n, std::int64_t min,
                                                 std::int64_t max) {
  const auto* v = lookup(name, n);
  if (!v) return std::nullopt;
  std::int64_t out = 0;
  // Unlike the wire protocol, a body may say 2.0 for 2: browsers' JSON has one number type.
  const bool whole_double = v->is_double() && std::trunc(v->get_double()) == v->get_double() &&
                            std::abs(v->get_double()) < 9e15;
  if (whole_double) {
    out = static_cast<std::int64_t>(v->get_double());
  } else if (!protocol::json_fields::as_int64(*v, out)) {
    error(name, "wrong_type", fmt::format("expected an integer, got {}", type_name(*v)));
    return std::nullopt;
  }
  if (out < min || out > max) {
    error(name, "out_of_range", fmt::format("must be between {} and {}", min, max));
    return std::nullopt;
  }
  return out;
}

std::optional<double> body_fields::number(std::string_view name, need n) {
  const auto* v = lookup(name, n);
  if (!v) return std::nullopt;
  if (!v->is_number()) {
    error(name, "wrong_type", fmt::format("expected a number, got {}", type_name(*v)));
    return std::nullopt;
  }
  double d = v->to_number<double>();
  if (!std::isfinite(d)) {
    error(name, "out_of_range", "must be finite");
    return std::nullopt;
  }
  return d;
}

std::optional<bool> body_fields::boolean(std::string_view name, need n) {
  const auto* v = lookup(name, n);
  if (!v) return std::nullopt;
  if (!v->is_bool()) {
    error(name, "wrong_type", fmt::format("expected a boolean, got {}", type_name(*v)));
    return std::nullopt;
  }
  return v->get_bool();
}

std::optional<std::vector<std::string>> body_fields::text_list(std::string_view name, need n) {
  const auto* v = lookup(name, n);
  if (!v) return std::nullopt;
  if (!v->is_array()) {
    error(name, "wrong_type", fmt::format("expected an array of strings, got {}", type_name(*v)));
    return std::nullopt;
  }
  std::vector<std::string> out;
  for (const auto& item : v->get_array()) {
    if (!item.is_string() || item.get_string().size() > 200) {
      error(name, "wrong_type", "expected an array of strings");
      return std::nullopt;
    }
    out.emplace_back(item.get_string());
  }
  if (out.size() > 1000) {
    error(name, "too_long", "at most 1000 items");
    return std::nullopt;
  }
  return out;
}

std::optional<domain::time_input> body_fields::time(std::string_view name, need n) {
  auto t = text(name, n, 64);
  if (!t) return std::nullopt;
  auto parsed = domain::parse_time_input(*t);
  if (!parsed) {
    error(name, "invalid_time",
          "expected RFC 3339 (2027-03-28T09:00:00+02:00) or local 2027-03-28T09:00:00");
    return std::nullopt;
  }
  return *parsed;
}

const boost::json::value* body_fields::value(std::string_view name, need n) {
  return lookup(name, n);
}

const boost::json::object* body_fields::object(std::string_view name, need n) {
  const auto* v = lookup(name, n);
  if (!v) return nullptr;
  if (!v->is_object()) {
    error(name, "wrong_type", fmt::format("expected an object, got {}", type_name(*v)));
    return nullptr;
  }
  return &v->get_object();
}

const boost::json::array* body_fields::array(std::string_view name, need n) {
  const auto* v = lookup(name, n);
  if (!v) return nullptr;
  if (!v->is_array()) {
    error(name, "wrong_type", fmt::format("expected an array, got {}", type_name(*v)));
    return nullptr;
  }
  return &v->get_array();
}

std::vector<field_error> body_fields::finish() {
  for (const auto& member : object_)
    if (!known_.contains(std::string_view(member.key())))
      errors_.push_back({path(member.key()), "unknown_field", "is not a field of this request"});
  return std::move(errors_);
}

std::optional<std::chrono::sys_seconds> resolve_time(const domain::time_input& in,
                                                     const date::time_zone* zone,
                                                     std::string_view field,
                                                     std::vector<field_error>& errors) {
  auto resolved = domain::resolve(zone, in);
  if (resolved) return *resolved;
  const auto& f = resolved.error();
  std::string code = "invalid_time";
  std::string message = "cannot be read in the site's time zone";
  if (f.is(domain::errc::nonexistent_local_time)) {
    code = "nonexistent_local_time";
    message = "this local time does not exist (clocks skip it)";
  } else if (f.is(domain::errc::ambiguous_local_time)) {
    code = "ambiguous_local_time";
    message = "this local time happens twice; add the UTC offset";
  }
  errors.push_back({std::string(field), std::move(code), std::move(message)});
  return std::nullopt;
}

}  // namespace hubgate::api
