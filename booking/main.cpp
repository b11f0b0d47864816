// hubgate-booking: the booking service. `serve` opens the store, makes TLS material when none
// is given, creates the first admin, optionally seeds the demo hub, and serves HTTPS.
#include <fmt/format.h>

#include <atomic>
#include <charconv>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "booking/api/dispatcher.hpp"
#include "booking/api/live_access_log.hpp"
#include "booking/api/notifying_controller_repository.hpp"
#include "booking/api/services.hpp"
#include "booking/auth/password_hash.hpp"
#include "booking/calendar/feed_service.hpp"
#include "booking/controllers/access_change_observer.hpp"
#include "booking/controllers/controller_service.hpp"
#include "booking/controllers/list_signing_key.hpp"
#include "booking/controllers/stream_hub.hpp"
#include "booking/demo/demo_hub.hpp"
#include "booking/domain/utilisation_service.hpp"
#include "booking/net/server.hpp"
#include "booking/pki/tls_material.hpp"
#include "booking/serve_options.hpp"
#include "booking/static/static_site.hpp"
#include "booking/store/data_dir.hpp"
#include "booking/store/database.hpp"
#include "protocol/log/log.hpp"

namespace {

namespace fs = std::filesystem;
using namespace hubgate;

// The controller port serves the stream only; every plain HTTP request there is a 404.
class not_found_handler final : public http::request_handler {
 public:
  http::http_response handle(const http::http_request&) override {
    http::http_response r;
    r.status = 404;
    r.set_header("content-type", "application/problem+json");
    r.body = R"({"type":"about:blank","title":"Not Found","status":404,"code":"not_found"})";
    return r;
  }
};

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

std::string hash_for_demo(std::string_view password) {
  return auth::hash_password(password).value_or("");
}

// Creates the first admin from the environment when the store has no user yet.
bool bootstrap_admin(api::services& svc) {
  auto count = svc.user_repo.count_users();
  if (!count) {
    log::write(log::level::error, "user_count_failed", {{"message", count.error().code.message()}});
    return false;
  }
  const std::string email = env("HUBGATE_ADMIN_EMAIL"), password = env("HUBGATE_ADMIN_PASSWORD");
  if (*count > 0) return true;
  if (email.empty() || password.empty()) {
    log::write(
        log::level::warn, "no_users",
        {{"hint", "set HUBGATE_ADMIN_EMAIL and HUBGATE_ADMIN_PASSWORD to create the first admin"}});
    return true;
  }
  auto hash = svc.passwords.hash(password);
  if (!hash) return false;
  domain::user admin;
  admin.email = email;
  admin.display_name = "Administrator";
  admin.role = domain::role::admin;
  admin.created_at = svc.now();
  auto stored = svc.user_repo.insert_user(admin, *hash);
  if (!stored) {
    log::write(log::level::error, "admin_create_failed", {{"message", stored.error().message}});
    return false;
  }
  log::write(log::level::info, "admin_created", {{"email", email}, {"user_id", stored->id}});
  return true;
}

bool seed_demo(api::services& svc) {
  auto sites = svc.catalog_repo.list_sites();
  if (!sites) return false;
  if (!sites->empty()) {
    log::write(log::level::info, "demo_skipped", {{"reason", "the data dir already has a site"}});
    return true;
  }
  std::string password = env("HUBGATE_DEMO_PASSWORD");
  const bool default_password = password.empty();
  if (default_password) password = std::string(demo::default_demo_password);
  domain::actor system{"system", domain::role::admin, {}};
  auto seeded =
      demo::seed_demo_hub(svc.catalog, svc.users, system, password, hash_for_demo, svc.now());
  if (!seeded) {
    log::write(log::level::error, "demo_failed",
               {{"code", seeded.error().code.message()}, {"message", seeded.error().message}});
    return false;
  }
  log::write(log::level::info, "demo_seeded",
             {{"site_id", seeded->site_id}, {"spaces", seeded->spaces}, {"doors", seeded->doors}});
  std::cout << "Demo hub seeded. Members (password "
            << (default_password ? "\"hubgate-demo\"" : "from HUBGATE_DEMO_PASSWORD") << "):\n";
  for (const auto& m : seeded->members)
    std::cout << fmt::format("  {:<32} {:<18} {:<15} card {}\n", m.email, m.display_name, m.group,
                             m.card_id);
  if (const auto& a = seeded->admin_card)
    std::cout << fmt::format("Demo card of the administrator {} (every door, any time): {}\n",
                             a->email, a->card_id);
  std::cout.flush();
  return true;
}

// Releases no-shows and completes ended bookings periodically until stopped.
class periodic_jobs {
 public:
  // `released` runs after bookings were released (their door access must end).
  periodic_jobs(api::services& svc, std::chrono::seconds interval, std::function<void()> released)
      : svc_(svc),
        interval_(interval),
        released_(std::move(released)),
        thread_([this] { run(); }) {}
  ~periodic_jobs() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void run() {
    std::unique_lock lock(mutex_);
    while (!cv_.wait_for(lock, interval_, [this] { return stopping_; })) {
      lock.unlock();
      const auto now = svc_.now();
      if (auto released = svc_.bookings.release_no_shows(now)) {
        svc_.metrics.no_shows_released(released->size());
        for (const auto& b : *released)
          log::write(log::level::info, "booking_released", {{"booking_id", b.id}});
        if (!released->empty()) released_();
      } else {
        log::write(log::level::warn, "release_failed",
                   {{"message", released.error().code.message()}});
      }
      (void)svc_.bookings.complete_ended(now);
      lock.lock();
    }
  }

  api::services& svc_;
  std::chrono::seconds interval_;
  std::function<void()> released_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

int serve(const serve_options& o) {
  log::set_level(o.level);
  if (auto ec = store::prepare_data_dir(o.data_dir)) {
    std::cerr << fmt::format("hubgate-booking: cannot create {}: {}\n", o.data_dir.string(),
                             ec.message());
    return 1;
  }
  net::server_options net_options;
  net_options.host = o.host;
  net_options.port = o.port;
  net_options.worker_threads = o.workers;
  net_options.body_limit = 256 * 1024;
  if (!o.tls_cert.empty()) {
    net_options.cert_chain_file = o.tls_cert;
    net_options.private_key_file = o.tls_key;
  } else {
    std::vector<std::string> names = {"localhost", "127.0.0.1", "::1"};
    if (std::find(names.begin(), names.end(), o.host) == names.end() && o.host != "0.0.0.0" &&
        o.host != "::")
      names.push_back(o.host);
    auto tls = pki::ensure_server_tls(o.data_dir, names);
    if (!tls) {
      std::cerr << "hubgate-booking: cannot prepare TLS material: " << tls.error().message()
                << "\n";
      return 1;
    }
    net_options.cert_chain_file = tls->certificate_chain.string();
    net_options.private_key_file = tls->private_key.string();
  }
  // The controllers' port always uses the service's own CA, which boards pin at enrolment.
  auto own_tls = pki::ensure_server_tls(o.data_dir);
  auto ca_hash = own_tls ? pki::ca_sha256(own_tls->ca_certificate)
                         : boost::system::result<std::string>(own_tls.error());
  auto list_key = controllers::load_or_create_list_signing_key(o.data_dir);
  if (!own_tls || !ca_hash || !list_key) {
    std::cerr << "hubgate-booking: cannot prepare the controller CA or the list-signing key\n";
    return 1;
  }

  auto db = store::open_sqlite(o.data_dir);
  if (!db) {
    std::cerr << "hubgate-booking: cannot open the store: " << db.error().message() << "\n";
    return 1;
  }
  {
    auto& store = **db;
    api::services svc(store.catalog(), store.bookings(), store.users(), store.auth());
    calendar::feed_service feeds(store.calendar_feeds(), store.catalog(), store.users());
    domain::utilisation_service utilisation(store.catalog(), store.reports());
    svc.feeds = &feeds;
    svc.utilisation = &utilisation;
    if (!bootstrap_admin(svc)) return 1;
    if (o.demo && !seed_demo(svc)) return 1;
    web::static_site site(o.web_root.value_or(web::default_web_root()));
    controllers::hub_options hub_opts;
    hub_opts.derivation.horizon = std::chrono::days{o.horizon_days};
    hub_opts.derivation.early_grace = hub_opts.derivation.late_grace = o.grace;
    const auto verify_key_pem = list_key->public_key().to_pem();
    // Admins' browsers hear of every access event the boards upload once it is stored.
    api::live_access_log live_log(svc);
    api::notifying_controller_repository controller_store(
        store.controllers(), [&live_log](const std::string& controller, const auto& events) {
          live_log.events_stored(controller, events);
        });
    controllers::stream_hub hub(
        {controller_store, store.catalog(), store.bookings(), store.users(), svc.bookings},
        std::move(*list_key), hub_opts, svc.now);
    if (auto started = hub.start(); !started) {
      std::cerr << "hubgate-booking: cannot start the door link: " << started.error().code.message()
                << "\n";
      return 1;
    }
    try {
      net::server_options link_options;
      link_options.host = o.controller_host;
      link_options.port = o.controller_port;
      link_options.cert_chain_file = own_tls->certificate_chain.string();
      link_options.private_key_file = own_tls->private_key.string();
      link_options.client_ca_file = own_tls->ca_certificate.string();
      link_options.worker_threads = 8;
      link_options.io_threads = 1;
      link_options.client_cert_check = [&hub](const std::string& sha) {
        return hub.certificate_allowed(sha);
      };
      link_options.websocket_endpoints.emplace("/api/v1/controllers/stream", &hub);
      link_options.ws_ping_interval = o.heartbeat;
      link_options.ws_dead_after = 3 * o.heartbeat;
      link_options.idle_timeout = 3 * o.heartbeat;
      not_found_handler nothing;
      std::unique_ptr<net::server> link_server;
      try {
        link_server = std::make_unique<net::server>(link_options, nothing);
      } catch (const std::exception& e) {
        if (o.controller_listen_given) throw;
        log::write(log::level::warn, "controller_port_unavailable", {{"what", e.what()}});
      }
      controllers::enrollment_settings enrol;
      enrol.ca_certificate = own_tls->ca_certificate;
      enrol.ca_private_key = own_tls->ca_private_key;
      enrol.ca_pem = read_text(own_tls->ca_certificate);
      enrol.ca_hash = "sha256:" + *ca_hash;
      enrol.list_verify_key_pem = verify_key_pem;
      enrol.token_lifetime = o.token_lifetime;
      if (link_server)
        enrol.controller_endpoint = fmt::format("{}:{}", o.controller_host, link_server->port());
      controllers::controller_service controller_svc(store.controllers(), store.catalog(), hub,
                                                     enrol);
      svc.controllers = &controller_svc;
      api::dispatcher handler(svc, &site);
      controllers::access_change_observer observed(handler, [&hub] { hub.access_changed(); });
      net_options.websocket_endpoints.emplace("/api/v1/access-events/live", &live_log);
      net_options.websocket_upgrades_through_handler = true;
      net::server server(net_options, observed);
      log::write(log::level::info, "serving",
                 {{"host", o.host},
                  {"port", server.port()},
                  {"web_files", site.file_count()},
                  {"data_dir", o.data_dir.string()},
                  {"controller_port", link_server ? link_server->port() : 0}});
      periodic_jobs jobs(svc, o.release_interval, [&hub] { hub.access_changed(); });
      std::thread link_thread;
      if (link_server)
        link_thread = std::thread([&link_server] { link_server->run_until_signal(); });
      server.run_until_signal();
      log::write(log::level::info, "stopping", {});
      if (link_server) {
        link_server->stop();
        link_thread.join();
      }
      hub.stop();
      live_log.stop();  // before the controller service it reads through goes away
    } catch (const std::exception& e) {
      std::cerr << "hubgate-booking: " << e.what() << "\n";
      return 1;
    }
  }
  db->reset();  // closes the store: the writer drains and commits before this returns
  log::write(log::level::info, "stopped", {});
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) bad_usage("a command is required");
  if (args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << serve_usage;
    return 0;
  }
  if (args[0] != "serve") bad_usage(fmt::format("unknown command '{}'", args[0]));
  args.erase(args.begin());
  for (auto a : args)
    if (a == "--help" || a == "-h") {
      std::cout << serve_usage;
      return 0;
    }
  return serve(parse_serve_options(args));
}
