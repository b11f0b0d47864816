// Sign-in over real HTTPS: login and the session cookie, CSRF enforcement, bearer tokens,
// logout, login rate limiting, and everything surviving a restart.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

std::string login_body(const std::string& email, const std::string& password) {
  return boost::json::serialize(boost::json::object{{"email", email}, {"password", password}});
}

TEST(api_auth, login_sets_a_protected_session_cookie_and_returns_csrf_and_user) {
  api_service svc;
  auto r = svc.call("POST", "/api/v1/auth/login", nullptr, login_body(admin_email, admin_password));
  ASSERT_EQ(r.status, 200) << r.raw.body;
  const auto cookie = r.header("set-cookie");
  EXPECT_EQ(cookie.rfind("hubgate_session=", 0), 0u) << cookie;
  for (const char* attr : {"Secure", "HttpOnly", "SameSite=Lax", "Path=/"})
    EXPECT_NE(cookie.find(attr), std::string::npos) << attr;
  EXPECT_GE(r.json.at("csrf_token").as_string().size(), 32u);
  EXPECT_EQ(r.json.at("user").at("email").as_string(), admin_email);
  EXPECT_EQ(r.json.at("user").at("role").as_string(), "admin");
  EXPECT_EQ(r.header("cache-control"), "no-store");
  // The password is never echoed, nor logged.
  EXPECT_EQ(r.raw.body.find(admin_password), std::string::npos);
}

TEST(api_auth, wrong_password_and_unknown_account_are_the_same_401) {
  api_service svc;
  auto wrong =
      svc.call("POST", "/api/v1/auth/login", nullptr, login_body(admin_email, "nope-nope-nope"));
  auto unknown =
      svc.call("POST", "/api/v1/auth/login", nullptr, login_body("who@hub.example", "nope"));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(wrong.code(), "invalid_credentials");
  EXPECT_EQ(unknown.code(), "invalid_credentials");
  EXPECT_EQ(wrong.header("set-cookie"), "");
}

TEST(api_auth, cookie_writes_need_the_session_csrf_token) {
  api_service svc;
  auto admin = svc.admin();
  const std::string body = boost::json::serialize(boost::json::object{{"name", "Annex"}});
  // Without the header.
  auto r = svc.call("POST", "/api/v1/sites", nullptr, body, {{"cookie", admin.cookie}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.code(), "csrf_failed");
  // With a wrong one.
  r = svc.call("POST", "/api/v1/sites", nullptr, body,
               {{"cookie", admin.cookie}, {"x-csrf-token", admin.csrf + "x"}});
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.code(), "csrf_failed");
  // Reads need none; the right token passes.
  EXPECT_EQ(svc.call("GET", "/api/v1/sites", nullptr, {}, {{"cookie", admin.cookie}}).status, 200);
  r = svc.call("POST", "/api/v1/sites", &admin, body);
  EXPECT_EQ(r.status, 201) << r.raw.body;
  // Another session's token does not fit this session.
  auto second = svc.admin();
  r = svc.call("POST", "/api/v1/sites", nullptr, body,
               {{"cookie", admin.cookie}, {"x-csrf-token", second.csrf}});
  EXPECT_EQ(r.status, 403);
}

TEST(api_auth, bearer_tokens_work_without_csrf_and_are_shown_once) {
  api_service svc;
  auto admin = svc.admin();
  auto r = svc.call("POST", "/api/v1/auth/tokens", &admin,
                    boost::json::serialize(boost::json::object{{"name", "ci script"}}));
  ASSERT_EQ(r.status, 201) << r.raw.body;
  caller script;
  script.bearer = std::string(r.json.at("token").as_string());
  const std::string token_id(r.json.at("id").as_string());
  auto me = svc.call("GET", "/api/v1/users/me", &script);
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.json.at("email").as_string(), admin_email);
  auto created = svc.call("POST", "/api/v1/sites", &script,
                          boost::json::serialize(boost::json::object{{"name", "By script"}}));
  EXPECT_EQ(created.status, 201) << created.raw.body;
  auto list = svc.call("GET", "/api/v1/auth/tokens", &admin);
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.raw.body.find(script.bearer), std::string::npos);  // never shown again
  // A wrong token is refused outright, even on an open route.
  caller bogus;
  bogus.bearer = "not-a-token";
  EXPECT_EQ(svc.call("GET", "/api/v1/users/me", &bogus).status, 401);
  EXPECT_EQ(
      svc.call("GET", "/api/v1/users/me", nullptr, {}, {{"authorization", "Basic eDp5"}}).status,
      401);
  // Revoked: refused, also where the answer comes from memory on the I/O thread.
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces", &script).status, 200);
  EXPECT_EQ(svc.call("DELETE", "/api/v1/auth/tokens/" + token_id, &admin).status, 204);
  EXPECT_EQ(svc.call("GET", "/api/v1/users/me", &script).status, 401);
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces", &script).status, 401);
}

TEST(api_auth, logout_ends_the_session) {
  api_service svc;
  auto admin = svc.admin();
  EXPECT_EQ(svc.call("GET", "/api/v1/auth/session", &admin).status, 200);
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces", &admin).status, 200);
  auto out = svc.call("POST", "/api/v1/auth/logout", &admin);
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(out.header("set-cookie").find("Max-Age=0"), std::string::npos);
  auto after = svc.call("GET", "/api/v1/users/me", &admin);
  EXPECT_EQ(after.status, 401);
  EXPECT_EQ(after.code(), "unauthenticated");
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces", &admin).status, 401);
}

TEST(api_auth, repeated_failures_are_rate_limited_per_account) {
  api_service svc;
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(
        svc.call("POST", "/api/v1/auth/login", nullptr, login_body(admin_email, "wrong")).status,
        401);
  auto r = svc.call("POST", "/api/v1/auth/login", nullptr, login_body(admin_email, admin_password));
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.code(), "rate_limited");
  const auto retry = std::stol(r.header("retry-after"));
  EXPECT_GT(retry, 0);
  EXPECT_LE(retry, 60);  // the first lockout is a minute
  // Another account from the same address is not locked by this one's failures.
  EXPECT_EQ(
      svc.call("POST", "/api/v1/auth/login", nullptr, login_body("x@hub.example", "wrong")).status,
      401);
}

TEST(api_auth, repeated_failures_are_rate_limited_per_address) {
  api_service svc;
  for (int i = 0; i < 20; ++i) {
    auto email = "nobody" + std::to_string(i) + "@hub.example";
    EXPECT_EQ(svc.call("POST", "/api/v1/auth/login", nullptr, login_body(email, "wrong")).status,
              401);
  }
  auto r = svc.call("POST", "/api/v1/auth/login", nullptr, login_body(admin_email, admin_password));
  EXPECT_EQ(r.status, 429);
  EXPECT_FALSE(r.header("retry-after").empty());
}

TEST(api_auth, restart_keeps_users_sessions_tokens_and_bookings) {
  api_service svc;
  auto admin = svc.admin();
  auto hub = make_hub(svc, admin);
  auto member = svc.new_member(admin, "restart@hub.example");
  auto token = svc.call("POST", "/api/v1/auth/tokens", &member,
                        boost::json::serialize(boost::json::object{{"name", "t"}}));
  ASSERT_EQ(token.status, 201);
  caller script;
  script.bearer = std::string(token.json.at("token").as_string());
  auto booked = svc.call("POST", "/api/v1/bookings", &member,
                         booking_body(hub.room_id, utc_at(2, 9), utc_at(2, 10)));
  ASSERT_EQ(booked.status, 201) << booked.raw.body;
  const std::string booking_id(booked.json.at("id").as_string());

  svc.stop();
  EXPECT_EQ(svc.exit_status_after_stop(), 0) << svc.process().output();
  svc.start();

  auto mine = svc.call("GET", "/api/v1/bookings/" + booking_id, &member);  // the old cookie
  ASSERT_EQ(mine.status, 200) << mine.raw.body;
  EXPECT_EQ(mine.json.at("status").as_string(), "confirmed");
  EXPECT_EQ(svc.call("GET", "/api/v1/users/me", &script).status, 200);  // the old token
  EXPECT_EQ(svc.call("POST", "/api/v1/bookings/" + booking_id + "/cancel", &member).status, 200);
  auto users = svc.call("GET", "/api/v1/users", &admin);
  ASSERT_EQ(users.status, 200);
  EXPECT_EQ(users.json.at("items").as_array().size(), 2u);
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces/" + hub.room_id, &member).status, 200);
  svc.login("restart@hub.example", member_password("restart@hub.example"));
}

TEST(api_auth, first_admin_comes_from_the_environment_only_once) {
  api_service svc;
  auto admin = svc.admin();
  auto users = svc.call("GET", "/api/v1/users", &admin);
  ASSERT_EQ(users.status, 200);
  ASSERT_EQ(users.json.at("items").as_array().size(), 1u);
  svc.stop();
  svc.start();  // same env again: no second admin
  users = svc.call("GET", "/api/v1/users", &admin);
  EXPECT_EQ(users.json.at("items").as_array().size(), 1u);
}

}  // namespace
}  // namespace hubgate::test

namespace hubgate::test {
namespace {

// Who a session or token belongs to is cached briefly; a change to the user must still
// reach the very next request.
TEST(api_auth, role_change_and_deactivation_apply_to_the_next_request) {
  api_service svc;
  auto admin = svc.admin();
  auto member = svc.new_member(admin, "changing@hub.example");
  auto me = svc.call("GET", "/api/v1/users/me", &member);
  ASSERT_EQ(me.status, 200);
  const std::string id(me.json.at("id").as_string());
  EXPECT_EQ(svc.call("GET", "/api/v1/users", &member).status, 403);
  ASSERT_EQ(svc.call("PATCH", "/api/v1/users/" + id, &admin, R"({"role":"admin"})").status, 200);
  EXPECT_EQ(svc.call("GET", "/api/v1/users", &member).status, 200);
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces", &member).status, 200);
  ASSERT_EQ(svc.call("PATCH", "/api/v1/users/" + id, &admin, R"({"active":false})").status, 200);
  EXPECT_EQ(svc.call("GET", "/api/v1/users/me", &member).status, 401);
  EXPECT_EQ(svc.call("GET", "/api/v1/spaces", &member).status, 401);
}

}  // namespace
}  // namespace hubgate::test
