// The accounts a new data dir starts with: the first admin from the environment, and with
// --demo the demo hub (spaces, doors, groups, members with cards), printed for the person
// trying it out.
#pragma once
#include "booking/api/services.hpp"
#include "booking/app/serve_options.hpp"

namespace hubgate::app {

// Creates the admin named by options.admin_email/admin_password when the store has no user.
// False (logged) when the store refuses; no admin given for an empty store is only a warning.
bool create_first_admin(api::services& svc, const serve_options& options);

// Seeds the demo hub when the store has no site yet and prints its members and cards.
bool seed_demo(api::services& svc, const serve_options& options);

}  // namespace hubgate::app
