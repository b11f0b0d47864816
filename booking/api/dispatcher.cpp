#include "booking/api/dispatcher.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <future>
#include <memory>
#include <string>

#include "booking/api/call.hpp"
#include "booking/api/json_response.hpp"
#include "booking/api/problem.hpp"
#include "booking/api/request_target.hpp"
#include "booking/api/route_table.hpp"
#include "booking/auth/authenticator.hpp"
#include "booking/auth/csrf.hpp"
#include "booking/static/static_site.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::api {

dispatcher::dispatcher(services& svc, const web::static_site* site)
    : svc_(svc), router_(api_routes()), site_(site) {}

http::http_response dispatcher::handle(const http::http_request& request) {
  // A replying handler replies on the store's delivery thread; this worker waits for it.
  std::promise<http::http_response> answered;
  auto response = answered.get_future();
  run(request, thread::worker,
      [&answered](http::http_response r) { answered.set_value(std::move(r)); });
  return response.get();
}

std::optional<http::http_response> dispatcher::answer_now(const http::http_request& request) {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  std::optional<http::http_response> response;
  if (!run(request, thread::io_now,
           [&response](http::http_response r) { response = std::move(r); }))
    return std::nullopt;
  return response;
}

bool dispatcher::answer_later(const http::http_request& request, const http::reply_fn& reply) {
  if (request.method == "GET" || request.method == "HEAD") return false;
  return run(request, thread::io_later, reply);
}

bool dispatcher::run(const http::http_request& request, thread where, const http::reply_fn& reply) {
  // Metrics see every reply, and a handler that throws still replies (once).
  struct reply_state {
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    std::string route_label = "unmatched";
    std::atomic<bool> replied{false};
  };
  auto state = std::make_shared<reply_state>();
  auto once = [this, state, reply, method = request.method](http::http_response r) {
    if (state->replied.exchange(true)) return;
    if (state->route_label != "static") {
      const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
          std::chrono::steady_clock::now() - state->started);
      svc_.metrics.observe_request(method, state->route_label, r.status, elapsed);
    }
    reply(std::move(r));
  };
  const auto failed = [&](const char* what) {
    log::write(log::level::error, "handler_exception",
               {{"request_id", request.request_id}, {"route", state->route_label}, {"what", what}});
    once(to_response(internal_error(), request.request_id));
    return true;
  };
  try {
    return dispatch(request, where, once, state->route_label);
  } catch (const std::exception& e) {
    return failed(e.what());
  } catch (...) {
    return failed("unknown exception");
  }
}

bool dispatcher::dispatch(const http::http_request& request, thread where,
                          const http::reply_fn& reply, std::string& route_label) {
  const auto& id = request.request_id;
  const auto answer = [&](http::http_response r) {
    reply(std::move(r));
    return true;
  };
  auto target = parse_request_target(request.target);
  if (!target)
    return answer(
        to_response(bad_request("malformed_target", "the request target is not a valid path"), id));

  const bool is_api = !target->segments.empty() && target->segments.front() == "api";
  if (!is_api) {
    route_label = "static";
    if ((request.method == "GET" || request.method == "HEAD") && site_) {
      if (auto served = site_->serve(request)) return answer(std::move(*served));
    }
    if (request.method != "GET" && request.method != "HEAD")
      return answer(to_response(method_not_allowed({"GET", "HEAD"}), id));
    return answer(to_response(not_found(), id));
  }

  auto lookup = router_.find(request.method, target->segments);
  if (std::holds_alternative<route_not_found>(lookup))
    return answer(to_response(not_found("no such API resource"), id));
  if (auto* wrong = std::get_if<route_method_not_allowed>(&lookup))
    return answer(to_response(method_not_allowed(wrong->allowed), id));
  auto& match = std::get<route_match>(lookup);
  const route& r = *match.matched;
  const auto* replying = std::get_if<replying_handler>(&r.handler);
  if (where == thread::io_now && !r.from_memory) return false;
  if (where == thread::io_later && !replying) return false;
  route_label = std::string(r.pattern);

  const bool on_io = where != thread::worker;
  auto auth = svc_.authenticator.authenticate(
      request, on_io ? auth::auth_lookup::memory_only : auth::auth_lookup::with_store);
  if (auth.needs_store) return false;
  if (auth.refused) {
    problem p = unauthenticated(*auth.refused);
    if (!auth.refused_code.empty()) p.code = auth.refused_code;
    return answer(to_response(p, id));
  }
  if (r.needs != privilege::anonymous && !auth.who)
    return answer(to_response(unauthenticated(), id));
  if (r.needs == privilege::admin && !auth.who->actor.is_admin())
    return answer(to_response(forbidden("this needs the admin role"), id));
  if (r.needs != privilege::anonymous &&
      !auth::csrf_ok(request.method, auth.who->kind, request.header("x-csrf-token"),
                     auth.who->csrf_token)) {
    problem p =
        forbidden("cookie-authenticated writes need the X-CSRF-Token header of the session");
    p.code = "csrf_failed";
    return answer(to_response(p, id));
  }

  call c{request, *target, std::move(match.params), std::move(auth.who), svc_, router_};
  if (replying) {
    (*replying)(c, reply);
    return true;
  }
  return answer(std::get<answering_handler>(r.handler)(c));
}

}  // namespace hubgate::api
