// Small helpers shared by the handlers: turning domain outcomes, problems and parsed bodies
// into responses, so each handler stays a few lines of parse, call, map.
#pragma once
#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <exception>
#include <functional>
#include <optional>
#include <string_view>
#include <utility>

#include "booking/api/call.hpp"
#include "booking/api/domain_problem.hpp"
#include "booking/api/json_input.hpp"
#include "booking/api/json_response.hpp"
#include "booking/api/problem.hpp"
#include "booking/api/services.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::api {

inline http::http_response respond(const call& c, const problem& p) {
  return to_response(p, c.request.request_id);
}

inline http::http_response respond(std::string_view request_id, const domain::failure& f) {
  return to_response(to_problem(f, request_id), request_id);
}

inline http::http_response respond(const call& c, const domain::failure& f) {
  return respond(c.request.request_id, f);
}

// Maps an outcome: the value through `render` with `status`, or the failure's problem.
template <class T, class Render>
http::http_response respond(std::string_view request_id, const domain::outcome<T>& r, Render render,
                            int status = 200) {
  if (!r) return respond(request_id, r.error());
  return json_response(status, render(*r));
}

template <class T, class Render>
http::http_response respond(const call& c, const domain::outcome<T>& r, Render render,
                            int status = 200) {
  return respond(c.request.request_id, r, render, status);
}

// A required new password (create a user, change or set a password), its length checked.
inline std::optional<std::string> new_password_field(body_fields& f, std::string_view field) {
  auto password = f.text(field, need::required, auth::max_password_length);
  if (password && password->size() < auth::min_password_length)
    f.error(field, "too_short", fmt::format("at least {} characters", auth::min_password_length));
  return password;
}

// For replies made off the request's thread (see replying_handler): what `make` answers, or
// a logged 500 when it throws, so that a reply is always made.
template <class Make>
http::http_response answer_safely(std::string_view request_id, Make&& make) {
  try {
    return make();
  } catch (const std::exception& e) {
    log::write(log::level::error, "handler_exception",
               {{"request_id", request_id}, {"what", e.what()}});
  } catch (...) {
    log::write(log::level::error, "handler_exception", {{"request_id", request_id}});
  }
  return to_response(internal_error(), request_id);
}

// The callback for a domain call that completes later (see replying_handler): replies with
// its outcome as respond() renders it, under answer_safely.
template <class T, class Render>
std::function<void(domain::outcome<T>)> reply_with(const call& c, http::reply_fn reply,
                                                   Render render, int status = 200) {
  return [id = c.request.request_id, reply = std::move(reply), render = std::move(render),
          status](domain::outcome<T> r) {
    reply(answer_safely(id, [&] { return respond(id, r, render, status); }));
  };
}

template <class T, class Render>
http::http_response respond_list(const call& c, const domain::outcome<std::vector<T>>& r,
                                 Render render) {
  if (!r) return respond(c, r.error());
  boost::json::array items;
  for (const auto& v : *r) items.push_back(render(v));
  return json_response(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace hubgate::api
