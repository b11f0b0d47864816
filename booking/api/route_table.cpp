#include "booking/api/route_table.hpp"

#include "booking/api/handlers.hpp"

namespace hubgate::api {

std::vector<route> api_routes() {
  using enum privilege;
  namespace h = handlers;
  constexpr bool from_memory = true;  // see route::from_memory
  // clang-format off
  return {
    {"GET",    "/api/v1/health",                      anonymous,     h::health,             {"Liveness", "", "health"}, from_memory},
    {"GET",    "/api/v1/openapi.json",                anonymous,     h::openapi,            {"This description", "", "openapi"}, from_memory},
    {"GET",    "/api/v1/metrics",                     admin,         h::metrics,            {"Prometheus metrics (text)", "", "metrics_text"}},

    {"POST",   "/api/v1/auth/login",                  anonymous,     h::login,              {"Sign in; sets the hubgate_session cookie", "login_request", "session", 200, {}, {"invalid_credentials", "rate_limited"}}},
    {"POST",   "/api/v1/auth/logout",                 authenticated, h::logout,             {"Sign out (ends the cookie session)", "", "", 204}},
    {"GET",    "/api/v1/auth/session",                authenticated, h::current_session,    {"The signed-in user and the session's CSRF token", "", "session"}},
    {"GET",    "/api/v1/auth/sessions",               authenticated, h::list_sessions,      {"Your sign-in sessions (never their tokens)", "", "session_list"}},
    {"DELETE", "/api/v1/auth/sessions/{id}",          authenticated, h::end_session,        {"End one of your sessions (your own: signs you out)", "", "", 204}},
    {"POST",   "/api/v1/auth/tokens",                 authenticated, h::create_token,       {"Create a bearer token (shown once)", "token_request", "new_token", 201}},
    {"GET",    "/api/v1/auth/tokens",                 authenticated, h::list_tokens,        {"Your bearer tokens", "", "token_list"}},
    {"DELETE", "/api/v1/auth/tokens/{id}",            authenticated, h::revoke_token,       {"Revoke one of your bearer tokens", "", "", 204}},

    {"GET",    "/api/v1/sites",                       authenticated, h::list_sites,         {"List sites", "", "site_list"}, from_memory},
    {"POST",   "/api/v1/sites",                       admin,         h::create_site,        {"Create a site", "site_write", "site", 201}},
    {"GET",    "/api/v1/sites/{id}",                  authenticated, h::get_site,           {"Read a site", "", "site"}, from_memory},
    {"PATCH",  "/api/v1/sites/{id}",                  admin,         h::update_site,        {"Change a site", "site_write", "site"}},
    {"POST",   "/api/v1/sites/{id}/holidays",         admin,         h::load_site_holidays, {"Add a German state's public holidays of a year as closures", "holiday_request", "site_holidays"}},

    {"GET",    "/api/v1/spaces",                      authenticated, h::list_spaces,        {"Search spaces", "", "space_list", 200, {"site", "kind", "feature", "seats", "include_inactive"}}, from_memory},
    {"POST",   "/api/v1/spaces",                      admin,         h::create_space,       {"Create a space", "space_write", "space", 201}},
    {"GET",    "/api/v1/spaces/{id}",                 authenticated, h::get_space,          {"Read a space", "", "space"}, from_memory},
    {"PATCH",  "/api/v1/spaces/{id}",                 admin,         h::update_space,       {"Change a space (capacity cuts are checked)", "space_write", "space", 200, {}, {"capacity_conflict"}}},
    {"DELETE", "/api/v1/spaces/{id}",                 admin,         h::deactivate_space,   {"Deactivate a space", "", "space"}},
    {"GET",    "/api/v1/spaces/{id}/availability",    authenticated, h::space_availability, {"Free seats over time", "", "segments", 200, {"from", "to"}, {"nonexistent_local_time", "ambiguous_local_time"}}, from_memory},

    {"GET",    "/api/v1/groups",                      authenticated, h::list_groups,        {"List groups", "", "group_list"}},
    {"POST",   "/api/v1/groups",                      admin,         h::create_group,       {"Create a group", "group_write", "group", 201}},
    {"GET",    "/api/v1/groups/{id}",                 authenticated, h::get_group,          {"Read a group", "", "group"}},
    {"PATCH",  "/api/v1/groups/{id}",                 admin,         h::update_group,       {"Change a group's policy or grants", "group_write", "group"}},
    {"DELETE", "/api/v1/groups/{id}",                 admin,         h::delete_group,       {"Delete a group", "", "", 204}},

    {"GET",    "/api/v1/users",                       admin,         h::list_users,         {"List users", "", "user_list"}},
    {"POST",   "/api/v1/users",                       admin,         h::create_user,        {"Create a user with a password", "user_create", "user", 201, {}, {"email_taken"}}},
    {"GET",    "/api/v1/users/me",                    authenticated, h::me,                 {"The signed-in user", "", "user"}},
    {"PATCH",  "/api/v1/users/me",                    authenticated, h::update_me,          {"Change your name or language", "user_self_update", "user"}},
    {"POST",   "/api/v1/users/me/password",           authenticated, h::change_own_password, {"Change your password; your other sessions end", "password_change", "password_changed", 200, {}, {"wrong_password", "rate_limited"}}},
    {"GET",    "/api/v1/users/{id}",                  authenticated, h::get_user,           {"Read a user (admin or self)", "", "user"}},
    {"PATCH",  "/api/v1/users/{id}",                  admin,         h::update_user,        {"Change a user", "user_update", "user", 200, {}, {"email_taken"}}},
    {"POST",   "/api/v1/users/{id}/password",         admin,         h::set_user_password,  {"Set a user's password; their sessions end", "password_set", "password_changed"}},
    {"GET",    "/api/v1/users/{id}/credentials",      authenticated, h::list_credentials,   {"A user's cards (admin or self)", "", "credential_list"}},
    {"POST",   "/api/v1/users/{id}/credentials",      admin,         h::enrol_credential,   {"Enrol a card by its UID; the answer shows only its hint", "credential_create", "credential", 201, {}, {"card_taken"}}},

    {"POST",   "/api/v1/credentials/lookup",          admin,         h::find_credential_by_card, {"Whose card a found card is, by its UID", "credential_lookup", "credential", 200, {}, {"card_not_enrolled"}}},
    {"POST",   "/api/v1/credentials/{id}/revoke",     admin,         h::revoke_credential,  {"Revoke a card for good", "", "credential"}},
    {"POST",   "/api/v1/credentials/{id}/suspend",    admin,         h::suspend_credential, {"Suspend a card", "", "credential"}},
    {"POST",   "/api/v1/credentials/{id}/reactivate", admin,         h::reactivate_credential, {"Reactivate a suspended card", "", "credential"}},

    {"GET",    "/api/v1/doors",                       admin,         h::list_doors,         {"List doors", "", "door_list", 200, {"site"}}},
    {"POST",   "/api/v1/doors",                       admin,         h::create_door,        {"Register a door", "door_write", "door", 201}},
    {"GET",    "/api/v1/doors/{id}",                  admin,         h::get_door,           {"Read a door", "", "door"}},
    {"PATCH",  "/api/v1/doors/{id}",                  admin,         h::update_door,        {"Change a door", "door_write", "door"}},

    {"GET",    "/api/v1/availability",                authenticated, h::availability,       {"Spaces free for a whole interval", "", "availability_list", 200, {"kind", "site", "from", "to", "seats"}, {"nonexistent_local_time", "ambiguous_local_time"}}, from_memory},

    {"POST",   "/api/v1/bookings",                    authenticated, h::create_booking,     {"Book seats in a space", "booking_create", "booking", 201, {}, {"booking_conflict", "quota_exceeded", "nonexistent_local_time", "ambiguous_local_time", "outside_opening_hours"}}},
    {"GET",    "/api/v1/bookings",                    authenticated, h::list_bookings,      {"Your bookings (admins: all, or ?user=)", "", "booking_list", 200, {"from", "to", "status", "user", "space"}}},
    {"GET",    "/api/v1/bookings/{id}",               authenticated, h::get_booking,        {"Read a booking (owner or admin)", "", "booking"}},
    {"PATCH",  "/api/v1/bookings/{id}",               authenticated, h::edit_booking,       {"Change a booking's time, space, seats or title (owner or admin; rechecked, all or nothing)", "booking_edit", "booking", 200, {}, {"booking_conflict", "quota_exceeded", "booking_not_editable", "booking_started", "outside_opening_hours"}}},
    {"POST",   "/api/v1/bookings/{id}/cancel",        authenticated, h::cancel_booking,     {"Cancel a booking", "", "booking", 200, {}, {"invalid_transition"}}},
    {"POST",   "/api/v1/bookings/{id}/check-in",      authenticated, h::check_in_booking,   {"Check in to a booking", "", "booking", 200, {}, {"check_in_not_open", "invalid_transition"}}},
    {"POST",   "/api/v1/bookings/{id}/approve",       admin,         h::approve_booking,    {"Approve a pending booking", "", "booking", 200, {}, {"invalid_transition"}}},
    {"POST",   "/api/v1/bookings/{id}/reject",        admin,         h::reject_booking,     {"Reject a pending booking", "", "booking", 200, {}, {"invalid_transition"}}},

    {"GET",    "/api/v1/calendar/feed",               authenticated, h::calendar_feed_status, {"Whether you have a calendar feed", "", "calendar_feed_status"}},
    {"POST",   "/api/v1/calendar/feed",               authenticated, h::create_calendar_feed, {"Create your calendar feed or rotate its secret URL (shown once)", "", "calendar_feed_created", 201}},
    {"DELETE", "/api/v1/calendar/feed",               authenticated, h::revoke_calendar_feed, {"Revoke your calendar feed", "", "", 204}},
    {"GET",    "/api/v1/calendar/{token}.ics",        anonymous,     h::calendar_feed_ics,    {"Your bookings as iCalendar; the secret token is the credential (ETag, 304)", "", "ical_text"}},
    {"GET",    "/api/v1/reports/utilisation",         admin,         h::utilisation_report,   {"Utilisation per ISO week and space or kind; CSV with Accept: text/csv or format=csv", "", "utilisation_report", 200, {"site", "from", "to", "group_by", "format"}, {"unknown_time_zone"}}},

    {"POST",   "/api/v1/controllers",                 admin,         h::create_controller,  {"Register a door controller; returns its one-time enrolment token and the CA hash", "controller_create", "new_controller", 201}},
    {"GET",    "/api/v1/controllers",                 admin,         h::list_controllers,   {"Controllers with their live status", "", "controller_list"}},
    {"GET",    "/api/v1/controllers/ca",              anonymous,     h::controller_ca,      {"The service CA a board pins by its hash", "", "controller_ca"}},
    {"POST",   "/api/v1/controllers/enroll",          anonymous,     h::enroll_controller,  {"Enrol a board: token + CSR -> client certificate and keys", "enrollment_request", "enrollment", 200, {}, {"enrollment_token_invalid"}}},
    {"POST",   "/api/v1/controllers/{id}/revoke",     admin,         h::revoke_controller,  {"Revoke a controller and close its live connection", "", "controller"}},
    {"GET",    "/api/v1/access-events",               admin,         h::list_access_events, {"The access log, newest first", "", "access_event_list", 200, {"from", "to", "door", "controller", "outcome", "limit"}}},
    {"GET",    "/api/v1/access-events/live",          admin,         h::live_access_events, {"The access log live: a WebSocket (same origin) with {\"type\":\"ready\"}, then one {\"type\":\"access_event\",\"event\":{...}} text frame per new event", "", "", 101, {}, {"upgrade_required", "origin_forbidden"}}},
  };
  // clang-format on
}

}  // namespace hubgate::api
