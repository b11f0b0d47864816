// The live access log's route: the WebSocket upgrade request passes the route table (admin
// only, so 401 and 403 come from the dispatcher like everywhere), then this handler checks
// that it is an upgrade from our own origin and answers 101, which lets booking/net switch
// the connection over to live_access_log.
#include <cctype>
#include <string>

#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"

namespace hubgate::api::handlers {
namespace {

bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

http::http_response live_access_events(call& c) {
  if (!equals_ignoring_case(c.request.header("upgrade"), "websocket")) {
    problem p;
    p.status = 426;
    p.code = "upgrade_required";
    p.title = "Upgrade Required";
    p.detail = "this is a WebSocket endpoint; GET /api/v1/access-events lists the log";
    auto r = respond(c, p);
    r.set_header("upgrade", "websocket");
    return r;
  }
  // Browsers send cookies with cross-site WebSocket requests too: only our own pages may
  // open the log. Scripts with a bearer token send no Origin.
  const auto origin = c.request.header("origin");
  const auto host = c.request.header("host");
  const bool cookie_session = c.who && c.who->kind == auth::auth_kind::session_cookie;
  if ((cookie_session || !origin.empty()) &&
      (host.empty() || !equals_ignoring_case(origin, "https://" + std::string(host)))) {
    problem p = forbidden("the live log opens only from this service's own pages");
    p.code = "origin_forbidden";
    return respond(c, p);
  }
  http::http_response r;
  r.status = 101;
  return r;
}

}  // namespace hubgate::api::handlers
