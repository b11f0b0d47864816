// What the service app is made of, in construction order (each part only uses parts above
// it; they are destroyed bottom-up). Internal to booking/app.
#pragma once
#include <functional>
#include <memory>

#include "booking/api/dispatcher.hpp"
#include "booking/api/live_access_log.hpp"
#include "booking/api/notifying_controller_repository.hpp"
#include "booking/api/services.hpp"
#include "booking/app/service_app.hpp"
#include "booking/app/service_tls.hpp"
#include "booking/calendar/feed_service.hpp"
#include "booking/controllers/access_change_observer.hpp"
#include "booking/controllers/controller_service.hpp"
#include "booking/controllers/stream_hub.hpp"
#include "booking/domain/booking_service.hpp"
#include "booking/domain/utilisation_service.hpp"
#include "booking/http/http_message.hpp"
#include "booking/net/server.hpp"
#include "booking/static/static_site.hpp"
#include "booking/store/database.hpp"

namespace hubgate::app {

// The controller port serves the stream only; every plain HTTP request there is a 404.
class stream_only final : public http::request_handler {
 public:
  http::http_response handle(const http::http_request& request) override;
};

struct service_app::parts {
  explicit parts(const serve_options& o);

  serve_options options;
  service_tls tls;
  std::unique_ptr<store::database> db;
  std::function<std::chrono::sys_seconds()> now;
  domain::booking_service bookings;
  calendar::feed_service feeds;
  domain::utilisation_service utilisation;
  // Admins' browsers hear of every access event the boards upload once it is stored: the
  // callback reaches live_log below, and only fires once the hub has started (after all
  // parts exist) and never after the hub has stopped (before live_log goes).
  api::notifying_controller_repository controller_store;
  controllers::stream_hub hub;
  stream_only link_requests;
  std::unique_ptr<net::server> link_server;  // null when the default port was taken
  controllers::controller_service controller_service;
  api::services svc;
  api::live_access_log live_log;
  web::static_site site;
  api::dispatcher dispatcher;
  controllers::access_change_observer observed;
  net::server server;
};

}  // namespace hubgate::app
