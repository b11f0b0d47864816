#include "booking/api/services.hpp"

#include "booking/domain/local_time.hpp"

namespace hubgate::api {

services::services(domain::catalog_repository& catalog_repo_in,
                   domain::booking_repository& booking_repo,
                   domain::user_repository& user_repo_in, domain::auth_repository& auth_repo,
                   api_settings settings_in)
    : catalog_repo(catalog_repo_in),
      user_repo(user_repo_in),
      auth(auth_repo),
      catalog(catalog_repo_in),
      bookings(catalog_repo_in, booking_repo, user_repo_in),
      users(user_repo_in, catalog_repo_in),
      settings(std::move(settings_in)),
      account_limiter(settings.account_failures, settings.login_window),
      address_limiter(settings.address_failures, settings.login_window) {
  auto zone = domain::find_zone(settings.default_time_zone);
  default_zone = zone ? *zone : date::locate_zone("UTC");
  now = [] {
    return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
  };
}

}  // namespace hubgate::api
