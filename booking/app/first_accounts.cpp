#include "booking/app/first_accounts.hpp"

#include <fmt/format.h>

#include <iostream>

#include "booking/auth/password_hash.hpp"
#include "booking/demo/demo_hub.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::app {

namespace {

std::string hash_for_demo(std::string_view password) {
  return auth::hash_password(password).value_or("");
}

void print_demo(const demo::demo_summary& seeded, bool default_password) {
  std::cout << "Demo hub seeded. Members (password "
            << (default_password ? "\"hubgate-demo\"" : "from HUBGATE_DEMO_PASSWORD") << "):\n";
  for (const auto& m : seeded.members)
    std::cout << fmt::format("  {:<32} {:<18} {:<15} card {}\n", m.email, m.display_name, m.group,
                             m.card_id);
  if (const auto& a = seeded.admin_card)
    std::cout << fmt::format("Demo card of the administrator {} (every door, any time): {}\n",
                             a->email, a->card_id);
  std::cout.flush();
}

}  // namespace

bool create_first_admin(api::services& svc, const serve_options& options) {
  auto count = svc.user_repo.count_users();
  if (!count) {
    log::write(log::level::error, "user_count_failed", {{"message", count.error().code.message()}});
    return false;
  }
  if (*count > 0) return true;
  if (options.admin_email.empty() || options.admin_password.empty()) {
    log::write(
        log::level::warn, "no_users",
        {{"hint", "set HUBGATE_ADMIN_EMAIL and HUBGATE_ADMIN_PASSWORD to create the first admin"}});
    return true;
  }
  auto hash = svc.passwords.hash(options.admin_password);
  if (!hash) return false;
  domain::user admin;
  admin.email = options.admin_email;
  admin.display_name = "Administrator";
  admin.role = domain::role::admin;
  admin.created_at = svc.now();
  auto stored = svc.user_repo.insert_user(admin, *hash);
  if (!stored) {
    log::write(log::level::error, "admin_create_failed", {{"message", stored.error().message}});
    return false;
  }
  log::write(log::level::info, "admin_created",
             {{"email", options.admin_email}, {"user_id", stored->id}});
  return true;
}

bool seed_demo(api::services& svc, const serve_options& options) {
  auto sites = svc.catalog_repo.list_sites();
  if (!sites) return false;
  if (!sites->empty()) {
    log::write(log::level::info, "demo_skipped", {{"reason", "the data dir already has a site"}});
    return true;
  }
  const bool default_password = options.demo_password.empty();
  const std::string password =
      default_password ? std::string(demo::default_demo_password) : options.demo_password;
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
  print_demo(*seeded, default_password);
  return true;
}

}  // namespace hubgate::app
