#include "booking/api/dispatcher.hpp"

#include <chrono>
#include <exception>

#include "booking/api/authenticator.hpp"
#include "booking/api/call.hpp"
#include "booking/api/csrf.hpp"
#include "booking/api/json_response.hpp"
#include "booking/api/problem.hpp"
#include "booking/api/request_target.hpp"
#include "booking/api/route_table.hpp"
#include "booking/log/log.hpp"
#include "booking/static/static_site.hpp"

namespace hubgate::api {

dispatcher::dispatcher(services& svc, const web::static_site* site)
    : svc_(svc), router_(api_routes()), site_(site) {
  svc_.routes = &router_;
}

http_response dispatcher::handle(const http_request& request) {
  const auto started = std::chrono::steady_clock::now();
  std::string route_label = "unmatched";
  http_response response;
  try {
    response = dispatch(request, route_label);
  } catch (const std::exception& e) {
    log::write(log::level::error, "handler_exception",
               {{"request_id", request.request_id}, {"route", route_label}, {"what", e.what()}});
    response = to_response(internal_error(), request.request_id);
  } catch (...) {
    log::write(log::level::error, "handler_exception",
               {{"request_id", request.request_id}, {"route", route_label}});
    response = to_response(internal_error(), request.request_id);
  }
  if (route_label != "static") {
    const auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    svc_.metrics.observe_request(request.method, route_label, response.status, elapsed);
  }
  return response;
}

http_response dispatcher::dispatch(const http_request& request, std::string& route_label) {
  const auto& id = request.request_id;
  auto target = parse_request_target(request.target);
  if (!target) return to_response(bad_request("malformed_target", "the request target is not a valid path"), id);

  const bool is_api = !target->segments.empty() && target->segments.front() == "api";
  if (!is_api) {
    route_label = "static";
    if ((request.method == "GET" || request.method == "HEAD") && site_) {
      if (auto served = site_->serve(request)) return std::move(*served);
    }
    if (request.method != "GET" && request.method != "HEAD")
      return to_response(method_not_allowed({"GET", "HEAD"}), id);
    return to_response(not_found(), id);
  }

  auto lookup = router_.find(request.method, target->segments);
  if (std::holds_alternative<route_not_found>(lookup))
    return to_response(not_found("no such API resource"), id);
  if (auto* wrong = std::get_if<route_method_not_allowed>(&lookup))
    return to_response(method_not_allowed(wrong->allowed), id);
  auto& match = std::get<route_match>(lookup);
  const route& r = *match.matched;
  route_label = std::string(r.pattern);

  auto auth = authenticate(svc_, request);
  if (auth.refused) return to_response(*auth.refused, id);
  if (r.needs != privilege::anonymous && !auth.who) return to_response(unauthenticated(), id);
  if (r.needs == privilege::admin && !auth.who->actor.is_admin())
    return to_response(forbidden("this needs the admin role"), id);
  if (r.needs != privilege::anonymous && !csrf_ok(request.method, auth.who->kind, request.header("x-csrf-token"),
                           auth.who->csrf_token)) {
    problem p = forbidden("cookie-authenticated writes need the X-CSRF-Token header of the session");
    p.code = "csrf_failed";
    return to_response(p, id);
  }

  call c{request, *target, std::move(match.params), std::move(auth.who), svc_};
  return r.handler(c);
}

}  // namespace hubgate::api
