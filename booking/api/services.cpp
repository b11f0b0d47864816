#include "booking/api/services.hpp"

#include "booking/domain/local_time.hpp"

namespace hubgate::api {

namespace {

const date::time_zone* zone_or_utc(const std::string& name) {
  auto zone = domain::find_zone(name);
  return zone ? *zone : date::locate_zone("UTC");
}

}  // namespace

services::services(domain::catalog_repository& catalog_repo_in,
                   domain::user_repository& user_repo_in, domain::auth_repository& auth_repo,
                   parts built, api_settings settings_in)
    : user_store(user_repo_in, auth_cache),
      auth_store(auth_repo, auth_cache),
      catalog_repo(catalog_repo_in),
      user_repo(user_store),
      auth(auth_store),
      catalog(catalog_repo_in),
      bookings(built.bookings),
      users(user_store, catalog_repo_in),
      settings(std::move(settings_in)),
      now([] {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      }),
      passwords(settings.password_cost),
      local_passwords(auth_store, passwords),
      authenticator(user_store, auth_store, auth_cache,
                    {settings.touch_interval, settings.session_idle}, now),
      sign_in(local_passwords, passwords, auth_store,
              {settings.session_lifetime, settings.account_failures, settings.address_failures,
               settings.login_window},
              now),
      feeds(built.feeds),
      utilisation(built.utilisation),
      controllers(built.controllers),
      default_zone(zone_or_utc(settings.default_time_zone)) {}

}  // namespace hubgate::api
