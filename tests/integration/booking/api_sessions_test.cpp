// Session and token lifetimes over real HTTPS: bearer tokens carry an expiry chosen at
// creation, members see and end their own sessions, and a new password signs out the
// account's other sessions.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <cstdio>
#include <ctime>

#include "api_service.hpp"

namespace hubgate::test {
namespace {

// Seconds since the epoch of an RFC 3339 UTC time ("2027-05-01T08:00:00Z").
long long unix_of(const boost::json::value& v) {
  std::tm tm{};
  const std::string text(v.as_string());
  EXPECT_EQ(std::sscanf(text.c_str(), "%d-%d-%dT%d:%d:%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
                        &tm.tm_hour, &tm.tm_min, &tm.tm_sec),
            6)
      << text;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return static_cast<long long>(timegm(&tm));
}

std::string token_body(const std::string& name, std::optional<int> days = std::nullopt) {
  boost::json::object o{{"name", name}};
  if (days) o["expires_in_days"] = *days;
  return boost::json::serialize(o);
}

constexpr long long day = 86400;

std::string password_body(const std::string& current, const std::string& replacement) {
  return boost::json::serialize(
      boost::json::object{{"current_password", current}, {"new_password", replacement}});
}

std::string set_body(const std::string& replacement) {
  return boost::json::serialize(boost::json::object{{"new_password", replacement}});
}

int login_status(api_service& svc, const std::string& email, const std::string& password) {
  return svc
      .call("POST", "/api/v1/auth/login", nullptr,
            boost::json::serialize(boost::json::object{{"email", email}, {"password", password}}))
      .status;
}

int me_status(api_service& svc, const caller& who) {
  return svc.call("GET", "/api/v1/users/me", &who).status;
}

// A member signed in twice: `here` makes the calls, `phone` is another of their sessions.
struct member_twice {
  explicit member_twice(std::string address)
      : email(std::move(address)),
        here(svc.new_member(admin, email)),
        phone(svc.login(email, member_password(email))) {}

  api_service svc;
  caller admin = svc.admin();
  std::string email;
  caller here;
  caller phone;
};

TEST(api_sessions, bearer_tokens_expire_after_ninety_days_or_as_asked_up_to_a_year_or_revoked) {
  api_service svc;
  auto admin = svc.admin();
  auto standard = svc.call("POST", "/api/v1/auth/tokens", &admin, token_body("ci"));
  ASSERT_EQ(standard.status, 201) << standard.raw.body;
  EXPECT_EQ(unix_of(standard.json.at("expires_at")) - unix_of(standard.json.at("created_at")),
            90 * day);
  auto yearly = svc.call("POST", "/api/v1/auth/tokens", &admin, token_body("backup", 365));
  ASSERT_EQ(yearly.status, 201) << yearly.raw.body;
  EXPECT_EQ(unix_of(yearly.json.at("expires_at")) - unix_of(yearly.json.at("created_at")),
            365 * day);
  for (int days : {0, 366, -1}) {
    auto refused = svc.call("POST", "/api/v1/auth/tokens", &admin, token_body("bad", days));
    EXPECT_EQ(refused.status, 422) << days;
    EXPECT_EQ(refused.code(), "validation_failed");
  }
  auto list = svc.call("GET", "/api/v1/auth/tokens", &admin);
  ASSERT_EQ(list.status, 200);
  const auto& items = list.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  for (const auto& t : items) EXPECT_TRUE(t.as_object().contains("expires_at"));
  EXPECT_EQ(items[0].at("expires_at"), standard.json.at("expires_at"));

  // A revoked token leaves the list.
  const std::string backup(yearly.json.at("id").as_string());
  EXPECT_EQ(svc.call("DELETE", "/api/v1/auth/tokens/" + backup, &admin).status, 204);
  auto after = svc.call("GET", "/api/v1/auth/tokens", &admin);
  ASSERT_EQ(after.json.at("items").as_array().size(), 1u);
  EXPECT_EQ(after.json.at("items").at(0).at("id"), standard.json.at("id"));
}

TEST(api_sessions, a_member_sees_their_sessions_and_ends_one_or_their_own) {
  member_twice m("ida@hub.example");
  auto& [svc, admin, email, here, phone] = m;
  auto listed = svc.call("GET", "/api/v1/auth/sessions", &here);
  ASSERT_EQ(listed.status, 200) << listed.raw.body;
  const auto& items = listed.json.at("items").as_array();
  ASSERT_EQ(items.size(), 2u);
  std::string phone_id;
  int current = 0;
  for (const auto& s : items) {
    EXPECT_FALSE(s.as_object().contains("token"));
    if (s.at("current").as_bool())
      ++current;
    else
      phone_id = std::string(s.at("id").as_string());
  }
  EXPECT_EQ(current, 1);
  // Nobody else can end it, nor see it.
  EXPECT_EQ(svc.call("DELETE", "/api/v1/auth/sessions/" + phone_id, &admin).status, 404);
  EXPECT_EQ(svc.call("GET", "/api/v1/auth/sessions", &admin).json.at("items").as_array().size(),
            1u);
  EXPECT_EQ(svc.call("DELETE", "/api/v1/auth/sessions/0123456789abcdef", &here).code(),
            "not_found");

  EXPECT_EQ(svc.call("DELETE", "/api/v1/auth/sessions/" + phone_id, &here).status, 204);
  EXPECT_EQ(me_status(svc, phone), 401);
  EXPECT_EQ(me_status(svc, here), 200);
  const auto own_id = std::string(svc.call("GET", "/api/v1/auth/sessions", &here)
                                      .json.at("items")
                                      .as_array()
                                      .at(0)
                                      .at("id")
                                      .as_string());
  auto own = svc.call("DELETE", "/api/v1/auth/sessions/" + own_id, &here);
  EXPECT_EQ(own.status, 204);
  EXPECT_NE(own.header("set-cookie").find("Max-Age=0"), std::string::npos)
      << own.header("set-cookie");
  EXPECT_EQ(me_status(svc, here), 401);
}

TEST(api_sessions, a_new_password_signs_out_the_member_s_other_sessions_but_not_this_one) {
  member_twice m("mia@hub.example");
  auto& [svc, admin, email, here, phone] = m;
  auto made = svc.call("POST", "/api/v1/auth/tokens", &here, token_body("script"));
  ASSERT_EQ(made.status, 201) << made.raw.body;
  caller script;
  script.bearer = std::string(made.json.at("token").as_string());

  auto changed = svc.call("POST", "/api/v1/users/me/password", &here,
                          password_body(member_password(email), "a brand new phrase"));
  ASSERT_EQ(changed.status, 200) << changed.raw.body;
  EXPECT_EQ(changed.json.at("sessions_ended").as_int64(), 1);
  EXPECT_EQ(me_status(svc, here), 200);
  EXPECT_EQ(me_status(svc, phone), 401);
  EXPECT_EQ(me_status(svc, script), 200);  // bearer tokens are revoked on their own page
  EXPECT_EQ(login_status(svc, email, member_password(email)), 401);
  EXPECT_EQ(login_status(svc, email, "a brand new phrase"), 200);
}

TEST(api_sessions, a_password_change_needs_the_current_password_and_a_valid_new_one) {
  member_twice m("noah@hub.example");
  auto& [svc, admin, email, here, phone] = m;
  auto wrong = svc.call("POST", "/api/v1/users/me/password", &here,
                        password_body("not my password", "a brand new phrase"));
  EXPECT_EQ(wrong.status, 403);
  EXPECT_EQ(wrong.code(), "wrong_password");
  auto too_short = svc.call("POST", "/api/v1/users/me/password", &here,
                            password_body(member_password(email), "short"));
  EXPECT_EQ(too_short.status, 422);
  EXPECT_EQ(too_short.code(), "validation_failed");
  auto unchanged = svc.call("POST", "/api/v1/users/me/password", &here,
                            password_body(member_password(email), member_password(email)));
  EXPECT_EQ(unchanged.status, 422);
  auto no_csrf = here;
  no_csrf.csrf.clear();
  auto forged = svc.call("POST", "/api/v1/users/me/password", &no_csrf,
                         password_body(member_password(email), "a brand new phrase"));
  EXPECT_EQ(forged.status, 403);
  EXPECT_EQ(me_status(svc, phone), 200);
  EXPECT_EQ(login_status(svc, email, member_password(email)), 200);
}

TEST(api_sessions, a_password_set_by_an_admin_signs_the_member_out_everywhere) {
  member_twice m("lea@hub.example");
  auto& [svc, admin, email, here, phone] = m;
  auto by_member = svc.call("POST", "/api/v1/users/" + here.user_id + "/password", &here,
                            set_body("a brand new phrase"));
  EXPECT_EQ(by_member.status, 403);
  auto set = svc.call("POST", "/api/v1/users/" + here.user_id + "/password", &admin,
                      set_body("a brand new phrase"));
  ASSERT_EQ(set.status, 200) << set.raw.body;
  EXPECT_EQ(set.json.at("sessions_ended").as_int64(), 2);
  EXPECT_EQ(me_status(svc, here), 401);
  EXPECT_EQ(me_status(svc, phone), 401);
  EXPECT_EQ(me_status(svc, admin), 200);
  EXPECT_EQ(login_status(svc, email, "a brand new phrase"), 200);
  auto nobody =
      svc.call("POST", "/api/v1/users/nobody/password", &admin, set_body("a brand new phrase"));
  EXPECT_EQ(nobody.status, 404);
  EXPECT_EQ(nobody.code(), "not_found");
}

}  // namespace
}  // namespace hubgate::test
