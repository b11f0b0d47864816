// Reading untrusted JSON bodies: content type, size and syntax checks (never throwing), then
// typed field access that collects every problem (wrong type, unknown field) for one 422.
#pragma once
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <boost/system/result.hpp>
#include <chrono>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "booking/api/problem.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/http/http_message.hpp"

namespace hubgate::api {

template <class T>
using api_result = boost::system::result<T, problem>;

inline constexpr std::size_t max_json_body = 64 * 1024;

// 415 for a non-JSON content type, 413 above max_json_body, 400 `malformed_json` for bad
// syntax or depth, 422 when the top level is not an object. An empty body is `{}`.
api_result<boost::json::object> parse_json_body(const http::http_request& request);

enum class need { required, optional };

// Typed access to one object's members. Each accessor records the member as known; finish()
// adds `unknown_field` for the rest. A JSON null counts as absent.
class body_fields {
 public:
  explicit body_fields(const boost::json::object& object, std::string prefix = {});

  bool present(std::string_view name) const;
  bool explicit_null(std::string_view name) const;  // the member is there and null
  std::optional<std::string> text(std::string_view name, need n, std::size_t max_length = 200);
  std::optional<std::int64_t> integer(std::string_view name, need n, std::int64_t min,
                                      std::int64_t max);
  std::optional<double> number(std::string_view name, need n);
  std::optional<bool> boolean(std::string_view name, need n);
  std::optional<std::vector<std::string>> text_list(std::string_view name, need n);
  // An RFC 3339 time or a local wall time, not yet resolved (the domain resolves it in the
  // zone of the site concerned).
  std::optional<domain::time_input> time(std::string_view name, need n);
  // A nested value for the caller to read with a nested body_fields; nullptr when absent.
  const boost::json::value* value(std::string_view name, need n);
  const boost::json::object* object(std::string_view name, need n);
  const boost::json::array* array(std::string_view name, need n);

  void error(std::string_view name, std::string code, std::string message);
  void merge(std::vector<field_error> errors);
  std::string path(std::string_view name) const;  // prefix + name, for nested objects

  // Problems so far plus unknown fields; empty when everything was fine.
  std::vector<field_error> finish();

 private:
  const boost::json::value* lookup(std::string_view name, need n);

  const boost::json::object& object_;
  std::string prefix_;
  std::set<std::string, std::less<>> known_;
  std::vector<field_error> errors_;
};

// Resolves a parsed time in `zone`; on failure appends a field error whose code is
// nonexistent_local_time, ambiguous_local_time or invalid_time.
std::optional<std::chrono::sys_seconds> resolve_time(const domain::time_input& in,
                                                     const date::time_zone* zone,
                                                     std::string_view field,
                                                     std::vector<field_error>& errors);

}  // namespace hubgate::api
