// The API's request_handler: parses the target, serves the browser UI outside /api/, routes,
// authenticates, enforces each route's privilege and CSRF, runs the handler, records metrics.
#pragma once
#include <optional>

#include "booking/api/router.hpp"
#include "booking/api/services.hpp"
#include "booking/http/http_message.hpp"

namespace hubgate::web {
class static_site;
}

namespace hubgate::api {

class dispatcher final : public http::request_handler {
 public:
  // `site` may be null (no browser UI). Both must outlive the dispatcher.
  dispatcher(services& svc, const web::static_site* site);

  http::http_response handle(const http::http_request& request) override;
  // Static files and from_memory routes, when the identity cache knows the caller.
  std::optional<http::http_response> answer_now(const http::http_request& request) override;
  // Routes with a replying handler, when the identity cache knows the caller.
  bool answer_later(const http::http_request& request, const http::reply_fn& reply) override;

  const router& routes() const { return router_; }

 private:
  enum class thread { worker, io_now, io_later };
  // Runs the request as far as `where` allows. Returns false when it declines (only on an
  // I/O thread: the route is not for it, or the caller is not in the identity cache).
  bool run(const http::http_request& request, thread where, const http::reply_fn& reply);
  bool dispatch(const http::http_request& request, thread where, const http::reply_fn& reply,
                std::string& route_label);

  services& svc_;
  router router_;
  const web::static_site* site_;
};

}  // namespace hubgate::api
