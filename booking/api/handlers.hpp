// The API's handlers, one function per route (the table in route_table.cpp binds them to
// methods, paths and privileges). Each parses into a typed request, calls the domain, maps.
#pragma once
#include "booking/api/call.hpp"
#include "booking/http/http_message.hpp"

namespace hubgate::api::handlers {

// system_handlers.cpp
http::http_response health(call& c);
http::http_response openapi(call& c);
http::http_response metrics(call& c);

// auth_handlers.cpp
http::http_response login(call& c);
http::http_response logout(call& c);
http::http_response current_session(call& c);
http::http_response list_sessions(call& c);
http::http_response end_session(call& c);
http::http_response create_token(call& c);
http::http_response list_tokens(call& c);
http::http_response revoke_token(call& c);

// site_handlers.cpp: sites, groups, doors
http::http_response list_sites(call& c);
http::http_response get_site(call& c);
http::http_response create_site(call& c);
http::http_response update_site(call& c);
http::http_response load_site_holidays(call& c);
http::http_response list_groups(call& c);
http::http_response get_group(call& c);
http::http_response create_group(call& c);
http::http_response update_group(call& c);
http::http_response delete_group(call& c);
http::http_response list_doors(call& c);
http::http_response get_door(call& c);
http::http_response create_door(call& c);
http::http_response update_door(call& c);

// space_handlers.cpp
http::http_response list_spaces(call& c);
http::http_response get_space(call& c);
http::http_response create_space(call& c);
http::http_response update_space(call& c);
http::http_response deactivate_space(call& c);
http::http_response space_availability(call& c);
http::http_response availability(call& c);

// password_handlers.cpp: your own password, and an admin setting anyone's
http::http_response change_own_password(call& c);
http::http_response set_user_password(call& c);

// user_handlers.cpp: users and credentials
http::http_response list_users(call& c);
http::http_response create_user(call& c);
http::http_response me(call& c);
http::http_response update_me(call& c);
http::http_response get_user(call& c);
http::http_response update_user(call& c);
http::http_response list_credentials(call& c);
http::http_response enrol_credential(call& c);
http::http_response find_credential_by_card(call& c);
http::http_response revoke_credential(call& c);
http::http_response suspend_credential(call& c);
http::http_response reactivate_credential(call& c);

// booking_handlers.cpp
void create_booking(call& c, http::reply_fn reply);  // replies once the booking is durable
http::http_response list_bookings(call& c);
void edit_booking(call& c, http::reply_fn reply);
http::http_response get_booking(call& c);
void cancel_booking(call& c, http::reply_fn reply);
void check_in_booking(call& c, http::reply_fn reply);
void approve_booking(call& c, http::reply_fn reply);
void reject_booking(call& c, http::reply_fn reply);

// calendar_handlers.cpp: members' iCalendar feeds
http::http_response calendar_feed_status(call& c);
http::http_response create_calendar_feed(call& c);
http::http_response revoke_calendar_feed(call& c);
http::http_response calendar_feed_ics(call& c);

// report_handlers.cpp
http::http_response utilisation_report(call& c);

// controller_handlers.cpp: door controllers and the access log
http::http_response create_controller(call& c);
http::http_response controller_ca(call& c);
http::http_response enroll_controller(call& c);
http::http_response list_controllers(call& c);
http::http_response revoke_controller(call& c);
http::http_response list_access_events(call& c);

// live_handlers.cpp: the live access log's WebSocket upgrade
http::http_response live_access_events(call& c);

}  // namespace hubgate::api::handlers
