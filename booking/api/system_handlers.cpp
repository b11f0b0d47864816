// Operational routes: liveness, the OpenAPI description and Prometheus metrics.
#include <boost/json/serialize.hpp>

#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/openapi.hpp"

namespace hubgate::api::handlers {

http::http_response health(call&) {
  return json_response(200, boost::json::object{{"status", "ok"}});
}

http::http_response openapi(call& c) {
  auto response = json_response(200, openapi_document(c.routes));
  response.set_header("cache-control", "no-cache");
  return response;
}

http::http_response metrics(call& c) {
  http::http_response r;
  r.status = 200;
  r.body = c.svc.metrics.render();
  r.set_header("content-type", "text/plain; version=0.0.4; charset=utf-8");
  add_security_headers(r, true);
  return r;
}

}  // namespace hubgate::api::handlers
