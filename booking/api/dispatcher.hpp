// The API's request_handler: parses the target, serves the browser UI outside /api/, routes,
// authenticates, enforces each route's privilege and CSRF, runs the handler, records metrics.
#pragma once
#include "booking/api/http_message.hpp"
#include "booking/api/router.hpp"
#include "booking/api/services.hpp"

namespace hubgate::web {
class static_site;
}

namespace hubgate::api {

class dispatcher final : public request_handler {
public:
  // `site` may be null (no browser UI). Both must outlive the dispatcher.
  dispatcher(services& svc, const web::static_site* site);

  http_response handle(const http_request& request) override;

  const router& routes() const { return router_; }

private:
  http_response dispatch(const http_request& request, std::string& route_label);

  services& svc_;
  router router_;
  const web::static_site* site_;
};

}  // namespace hubgate::api
