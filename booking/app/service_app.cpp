#include "booking/app/service_app.hpp"

#include <sys/stat.h>

#include <stdexcept>
#include <thread>

#include "booking/api/problem.hpp"
#include "booking/app/first_accounts.hpp"
#include "booking/app/periodic_jobs.hpp"
#include "booking/app/service_parts.hpp"
#include "booking/controllers/list_signing_key.hpp"
#include "booking/store/data_dir.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::app {

namespace {

std::chrono::sys_seconds wall_now() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

// Before anything is written: every file the service creates from now on (the SQLite WAL and
// SHM included) is the owner's alone, and so is the data dir.
serve_options with_private_data_dir(const serve_options& o) {
  log::set_level(o.level);
  ::umask(0077);
  if (auto ec = store::prepare_data_dir(o.data_dir))
    throw std::runtime_error("cannot create " + o.data_dir.string() + ": " + ec.message());
  return o;
}

std::unique_ptr<store::database> open_store(const serve_options& o) {
  auto db = store::open_sqlite(o.data_dir);
  if (!db) throw std::runtime_error("cannot open the store: " + db.error().message());
  return std::move(*db);
}

protocol::signing_key list_signing_key(const serve_options& o) {
  auto key = controllers::load_or_create_list_signing_key(o.data_dir);
  if (!key) throw std::runtime_error("cannot prepare the list-signing key");
  return std::move(*key);
}

controllers::hub_options hub_options(const serve_options& o) {
  controllers::hub_options h;
  h.derivation.horizon = std::chrono::days{o.horizon_days};
  h.derivation.early_grace = h.derivation.late_grace = o.grace;
  return h;
}

std::unique_ptr<net::server> open_link_server(const serve_options& o, const service_tls& tls,
                                              controllers::stream_hub& hub,
                                              http::request_handler& requests) {
  net::server_options link;
  link.host = o.controller_host;
  link.port = o.controller_port;
  link.cert_chain_file = tls.own.certificate_chain.string();
  link.private_key_file = tls.own.private_key.string();
  link.client_ca_file = tls.own.ca_certificate.string();
  link.worker_threads = 8;
  link.io_threads = 1;
  link.client_cert_check = [&hub](const std::string& sha) { return hub.certificate_allowed(sha); };
  link.websocket_endpoints.emplace("/api/v1/controllers/stream", &hub);
  link.ws_ping_interval = o.heartbeat;
  link.ws_dead_after = 3 * o.heartbeat;
  link.idle_timeout = 3 * o.heartbeat;
  try {
    return std::make_unique<net::server>(link, requests);
  } catch (const std::exception& e) {
    if (o.controller_listen_given) throw;
    log::write(log::level::warn, "controller_port_unavailable", {{"what", e.what()}});
    return nullptr;
  }
}

controllers::enrollment_settings enrolment(const serve_options& o, const service_tls& tls,
                                           const net::server* link_server) {
  controllers::enrollment_settings e;
  e.ca_certificate = tls.own.ca_certificate;
  e.ca_private_key = tls.own.ca_private_key;
  e.ca_pem = tls.ca_pem;
  e.ca_hash = tls.ca_hash;
  e.list_verify_key_pem = list_signing_key(o).public_key().to_pem();
  e.token_lifetime = o.token_lifetime;
  if (link_server)
    e.controller_endpoint = o.controller_host + ":" + std::to_string(link_server->port());
  return e;
}

net::server_options public_options(const serve_options& o, const service_tls& tls,
                                   api::live_access_log& live_log) {
  net::server_options p;
  p.host = o.host;
  p.port = o.port;
  p.worker_threads = o.workers;
  p.body_limit = std::size_t{256} * 1024;
  p.cert_chain_file = tls.public_uses_own ? tls.own.certificate_chain.string() : o.tls_cert;
  p.private_key_file = tls.public_uses_own ? tls.own.private_key.string() : o.tls_key;
  p.websocket_endpoints.emplace("/api/v1/access-events/live", &live_log);
  p.websocket_upgrades_through_handler = true;
  return p;
}

}  // namespace

http::http_response stream_only::handle(const http::http_request& request) {
  return api::to_response(api::not_found("this port serves the door controllers' stream only"),
                          request.request_id);
}

namespace {

api::api_settings api_settings_of(const serve_options& o) {
  api::api_settings s;
  s.session_idle = o.session_idle;
  return s;
}

}  // namespace

service_app::parts::parts(const serve_options& o)
    : options(with_private_data_dir(o)),
      tls(prepare_service_tls(options)),
      db(open_store(options)),
      now(wall_now),
      bookings(db->catalog(), db->bookings(), db->users()),
      feeds(db->calendar_feeds(), db->catalog(), db->users()),
      utilisation(db->catalog(), db->reports()),
      controller_store(db->controllers(),
                       [this](const std::string& controller, const auto& events) {
                         live_log.events_stored(controller, events);
                       }),
      hub({controller_store, db->catalog(), db->bookings(), db->users(), bookings},
          list_signing_key(options), hub_options(options), now),
      link_server(open_link_server(options, tls, hub, link_requests)),
      controller_service(db->controllers(), db->catalog(), hub,
                         enrolment(options, tls, link_server.get())),
      svc(db->catalog(), db->users(), db->auth(),
          {bookings, feeds, utilisation, controller_service}, api_settings_of(options)),
      live_log(svc),
      site(options.web_root.value_or(web::default_web_root())),
      dispatcher(svc, &site),
      observed(dispatcher, [this] { hub.access_changed(); }),
      server(public_options(options, tls, live_log), observed) {}

service_app::service_app(const serve_options& options) : parts_(std::make_unique<parts>(options)) {
  auto& p = *parts_;
  if (!create_first_admin(p.svc, p.options))
    throw std::runtime_error("cannot create the first admin");
  if (p.options.demo && !seed_demo(p.svc, p.options))
    throw std::runtime_error("cannot seed the demo hub");
  if (auto started = p.hub.start(); !started)
    throw std::runtime_error("cannot start the door link: " + started.error().code.message());
}

service_app::~service_app() {
  auto& p = *parts_;
  if (p.link_server) p.link_server->stop();
  p.hub.stop();
  p.live_log.stop();  // before the controller service it reads through goes away
  parts_.reset();     // closes the store last: the writer drains and commits first
  log::write(log::level::info, "stopped", {});
}

void service_app::run() {
  auto& p = *parts_;
  log::write(log::level::info, "serving",
             {{"host", p.options.host},
              {"port", p.server.port()},
              {"web_files", p.site.file_count()},
              {"data_dir", p.options.data_dir.string()},
              {"controller_port", p.link_server ? p.link_server->port() : 0}});
  std::vector<periodic_job> jobs;
  jobs.push_back({"release_no_shows", p.options.release_interval, [&p] {
                    const auto now = p.svc.now();
                    if (auto released = p.svc.bookings.release_no_shows(now)) {
                      p.svc.metrics.no_shows_released(released->size());
                      for (const auto& b : *released)
                        log::write(log::level::info, "booking_released", {{"booking_id", b.id}});
                      if (!released->empty()) p.hub.access_changed();  // their access ends
                    } else {
                      log::write(log::level::warn, "release_failed",
                                 {{"message", released.error().code.message()}});
                    }
                    (void)p.svc.bookings.complete_ended(now);
                  }});
  jobs.push_back({"renew_tls", std::chrono::hours{12}, [&p] {
                    if (!renew_service_tls(p.tls)) return;
                    if (p.tls.public_uses_own) p.server.reload_tls();
                    if (p.link_server) p.link_server->reload_tls();
                  }});
  jobs.push_back({"end_old_sessions", std::chrono::hours{1}, [&p] {
                    const auto now = p.svc.now();
                    auto ended =
                        p.svc.auth.delete_expired_sessions(now, now - p.options.session_idle);
                    if (ended && *ended > 0)
                      log::write(log::level::info, "sessions_deleted",
                                 {{"count", static_cast<std::int64_t>(*ended)}});
                  }});
  periodic_jobs running(std::move(jobs));
  std::thread link_thread;
  if (p.link_server) link_thread = std::thread([&p] { p.link_server->run_until_signal(); });
  p.server.run_until_signal();
  log::write(log::level::info, "stopping", {});
  if (p.link_server) {
    p.link_server->stop();
    link_thread.join();
  }
}

}  // namespace hubgate::app
