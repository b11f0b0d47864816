// The route table: literal, greppable routes ("/api/v1/bookings/{id}/cancel"), each with its
// method, the privilege it needs and its handler; matching yields 404 and 405 properly.
#pragma once
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "booking/http/http_message.hpp"

namespace hubgate::api {

struct call;  // everything a handler gets; see call.hpp

// Who may call a route. Checked by the dispatcher before the handler runs, so a handler
// never forgets it.
enum class privilege { anonymous, authenticated, admin };
std::string_view to_string(privilege p);

// What /openapi.json says about a route; names refer to schemas in openapi_schemas.cpp.
struct route_doc {
  std::string_view summary;
  std::string_view request_schema;   // empty: no body
  std::string_view response_schema;  // empty: no body
  int success_status = 200;
  std::vector<std::string_view> query;   // query parameter names
  std::vector<std::string_view> errors;  // problem codes beyond the generic ones
};

// A handler answers at once, or (a write the store's writer completes) through `reply` once
// the write is committed: see request_handler::answer_later.
using answering_handler = std::function<http::http_response(call&)>;
using replying_handler = std::function<void(call&, http::reply_fn)>;

struct route {
  std::string_view method;
  std::string_view pattern;  // "/api/v1/spaces/{id}"; {name} matches one decoded segment
  privilege needs = privilege::authenticated;
  std::variant<answering_handler, replying_handler> handler;
  route_doc doc;
  // The handler reads only in-memory state (catalogue copy, occupancy index, rendered lists)
  // and never waits on the store's writer, so it may run on an I/O thread (answer_now).
  bool from_memory = false;
};

using path_params = std::vector<std::pair<std::string, std::string>>;

struct route_match {
  const route* matched = nullptr;
  path_params params;
};
struct route_not_found {};
struct route_method_not_allowed {
  std::vector<std::string> allowed;
};
using route_lookup = std::variant<route_match, route_not_found, route_method_not_allowed>;

class router {
 public:
  explicit router(std::vector<route> routes);

  // Finds the route for decoded path segments. Literal segments win over parameters
  // ("/users/me" before "/users/{id}"); HEAD is served by GET routes.
  route_lookup find(std::string_view method, const std::vector<std::string>& segments) const;

  const std::vector<route>& routes() const { return routes_; }

 private:
  struct compiled {
    std::vector<std::string> parts;  // literal text, or "{name}"
  };
  static bool matches(const compiled& c, const std::vector<std::string>& segments);
  // Negative when a is more specific than b.
  static int compare_specificity(const compiled& a, const compiled& b);

  std::vector<route> routes_;
  std::vector<compiled> compiled_;
};

}  // namespace hubgate::api
