// The dependencies of the API handlers, built once by main: the domain's application
// services, the auth repository, the login limiters, the metrics and the settings.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <semaphore>
#include <string>

#include "booking/api/auth_cache.hpp"
#include "booking/api/cache_invalidation.hpp"
#include "booking/api/metrics.hpp"
#include "booking/api/password_hash.hpp"
#include "booking/api/rate_limiter.hpp"
#include "booking/api/space_list_cache.hpp"
#include "booking/domain/booking_service.hpp"
#include "booking/domain/catalog_service.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/user_service.hpp"

namespace date {
class time_zone;
}

namespace hubgate::controllers {
class controller_service;
}

namespace hubgate::calendar {
class feed_service;
}
namespace hubgate::domain {
class utilisation_service;
}

namespace hubgate::api {

class router;

struct api_settings {
  std::chrono::seconds session_lifetime{std::chrono::hours{24 * 7}};
  std::chrono::seconds touch_interval{std::chrono::minutes{5}};  // last_seen precision
  scrypt_cost password_cost{};
  std::size_t account_failures = 5;   // per account within login_window
  std::size_t address_failures = 20;  // per remote address within login_window
  std::chrono::seconds login_window{std::chrono::minutes{15}};
  std::string default_time_zone = "Europe/Berlin";  // for times not tied to a site
};

struct services {
  services(domain::catalog_repository& catalog_repo, domain::booking_repository& booking_repo,
           domain::user_repository& user_repo, domain::auth_repository& auth_repo,
           api_settings settings = {});

  // Declared first: the repositories below are these wrappers, so every change made through
  // the API reaches the authentication cache.
  api::auth_cache auth_cache;
  invalidating_user_repository user_store;
  invalidating_auth_repository auth_store;
  domain::catalog_repository& catalog_repo;
  domain::user_repository& user_repo;
  domain::auth_repository& auth;
  domain::catalog_service catalog;
  domain::booking_service bookings;
  domain::user_service users;
  api_settings settings;
  rate_limiter account_limiter;
  rate_limiter address_limiter;
  // scrypt takes ~32 MiB and tens of milliseconds: bound how many run at once.
  std::counting_semaphore<64> kdf_slots{4};
  api::metrics metrics;
  space_list_cache space_lists;
  const date::time_zone* default_zone = nullptr;
  const router* routes = nullptr;  // set by the dispatcher, for /openapi.json
  calendar::feed_service* feeds = nullptr;               // set by main
  domain::utilisation_service* utilisation = nullptr;   // set by main
  controllers::controller_service* controllers = nullptr;  // the door link; set by main
  std::function<std::chrono::sys_seconds()> now;  // UTC now; tests may replace it
};

}  // namespace hubgate::api
