// The dependencies of the API handlers, built once by the app (booking/app): the domain's
// application services, the auth repository and the auth service, the metrics and the
// settings. Every member is there from construction on; none is optional.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <string>

#include "booking/api/cache_invalidation.hpp"
#include "booking/api/metrics.hpp"
#include "booking/api/space_list_cache.hpp"
#include "booking/auth/auth_cache.hpp"
#include "booking/auth/auth_service.hpp"
#include "booking/auth/authenticator.hpp"
#include "booking/auth/password_hash.hpp"
#include "booking/auth/password_hasher.hpp"
#include "booking/auth/password_provider.hpp"
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

struct api_settings {
  std::chrono::seconds session_lifetime{std::chrono::hours{24 * 7}};
  std::chrono::seconds touch_interval{std::chrono::minutes{5}};  // last_seen precision
  std::chrono::seconds session_idle{std::chrono::hours{8}};      // unused this long: ended
  auth::scrypt_cost password_cost{};
  std::size_t account_failures = 5;   // per account within login_window
  std::size_t address_failures = 20;  // per remote address within login_window
  std::chrono::seconds login_window{std::chrono::minutes{15}};
  std::string default_time_zone = "Europe/Berlin";  // for times not tied to a site
};

struct services {
  // The services that the door link also uses (bookings for tap check-in) or that have
  // repositories of their own are built by the caller and must outlive this object.
  struct parts {
    domain::booking_service& bookings;
    calendar::feed_service& feeds;
    domain::utilisation_service& utilisation;
    controllers::controller_service& controllers;
  };
  services(domain::catalog_repository& catalog_repo, domain::user_repository& user_repo,
           domain::auth_repository& auth_repo, parts built, api_settings settings = {});

  // Declared first: the repositories below are these wrappers, so every change made through
  // the API reaches the authentication cache.
  auth::auth_cache auth_cache;
  invalidating_user_repository user_store;
  invalidating_auth_repository auth_store;
  domain::catalog_repository& catalog_repo;
  domain::user_repository& user_repo;
  domain::auth_repository& auth;
  domain::catalog_service catalog;
  domain::booking_service& bookings;
  domain::user_service users;
  api_settings settings;
  std::function<std::chrono::sys_seconds()> now;  // UTC now; tests may replace it
  auth::password_hasher passwords;
  auth::password_provider local_passwords;  // the one credential provider so far
  auth::authenticator authenticator;
  auth::auth_service sign_in;
  api::metrics metrics;
  space_list_cache space_lists;
  calendar::feed_service& feeds;
  domain::utilisation_service& utilisation;
  controllers::controller_service& controllers;  // the door link
  const date::time_zone* default_zone;           // settings.default_time_zone, else UTC
};

}  // namespace hubgate::api
