// Session and token lifetimes over real HTTPS: bearer tokens carry an expiry chosen at
// creation, and a password change signs out the account's other sessions.
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

TEST(api_sessions, bearer_tokens_expire_after_ninety_days_or_as_asked_up_to_a_year) {
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
}

}  // namespace
}  // namespace hubgate::test
