// The sign-in rules with an in-memory account store: whose failures lock whom out, and that a
// deactivated account costs a full password check like any other.
#include "booking/auth/auth_service.hpp"

#include <gtest/gtest.h>

#include "booking/auth/password_provider.hpp"
#include "memory_auth_store.hpp"

namespace hubgate::auth {
namespace {

using testing::memory_auth;

// The lowest cost scrypt accepts keeps the test quick; the rules do not depend on it.
constexpr scrypt_cost cheap{10, 1, 1};

class auth_service_test : public ::testing::Test {
 protected:
  void SetUp() override {
    add("anna@hub.example", "right horse", true);
    add("gone@hub.example", "right horse", false);
  }
  void add(const std::string& email, const std::string& password, bool active) {
    domain::login_record r;
    r.account.id = email;
    r.account.email = email;
    r.account.active = active;
    r.password_hash = *hash_password(password, cheap);
    accounts_.logins[email] = r;
  }
  login_result login(std::string_view email, std::string_view password, std::string_view from) {
    auto r = service_.login({email, password, from, "req"});
    EXPECT_TRUE(r);
    return r ? *r : login_result{};
  }

  memory_auth accounts_;
  password_hasher hasher_{cheap};
  password_provider provider_{accounts_, hasher_};
  auth_service::clock_fn now_ = [] { return std::chrono::sys_seconds{std::chrono::hours{1}}; };
  rate_limiter::clock::time_point steady_now_ =
      rate_limiter::clock::time_point{} + std::chrono::hours{1};
  auth_service service_{provider_, accounts_, login_policy{}, now_, [this] { return steady_now_; }};
};

TEST_F(auth_service_test, guessing_from_one_address_does_not_lock_the_member_out_elsewhere) {
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(login("anna@hub.example", "wrong", "203.0.113.9").refusal,
              login_refusal::invalid_credentials);
  // The guesser's address is throttled for this account, even with the right password ...
  EXPECT_EQ(login("anna@hub.example", "right horse", "203.0.113.9").refusal,
            login_refusal::rate_limited);
  // ... while the member, from her own address, signs in.
  const auto own = login("anna@hub.example", "right horse", "198.51.100.4");
  EXPECT_EQ(own.refusal, login_refusal::none);
  EXPECT_TRUE(own.who);
  EXPECT_EQ(accounts_.sessions_opened, 1u);
}

TEST_F(auth_service_test, the_lockout_grows_with_each_failure_after_it_and_says_how_long) {
  using namespace std::chrono_literals;
  for (int i = 0; i < 5; ++i) login("anna@hub.example", "wrong", "203.0.113.9");
  auto r = login("anna@hub.example", "right horse", "203.0.113.9");
  EXPECT_EQ(r.refusal, login_refusal::rate_limited);
  EXPECT_EQ(r.retry_after, 60s);
  steady_now_ += 60s;
  EXPECT_EQ(login("anna@hub.example", "wrong", "203.0.113.9").refusal,
            login_refusal::invalid_credentials);
  r = login("anna@hub.example", "right horse", "203.0.113.9");
  EXPECT_EQ(r.refusal, login_refusal::rate_limited);
  EXPECT_EQ(r.retry_after, 120s);
  steady_now_ += 120s;
  // Waited out: the right password signs in, and the streak is gone.
  EXPECT_EQ(login("anna@hub.example", "right horse", "203.0.113.9").refusal, login_refusal::none);
  EXPECT_EQ(login("anna@hub.example", "wrong", "203.0.113.9").refusal,
            login_refusal::invalid_credentials);
}

TEST_F(auth_service_test, one_address_guessing_many_accounts_is_still_throttled) {
  for (int i = 0; i < 20; ++i)
    login("nobody" + std::to_string(i) + "@hub.example", "wrong", "203.0.113.9");
  EXPECT_EQ(login("anna@hub.example", "right horse", "203.0.113.9").refusal,
            login_refusal::rate_limited);
}

TEST_F(auth_service_test, a_deactivated_account_runs_scrypt_like_any_other) {
  const auto before = hasher_.verifications();
  EXPECT_EQ(login("gone@hub.example", "right horse", "198.51.100.4").refusal,
            login_refusal::invalid_credentials);
  EXPECT_EQ(hasher_.verifications(), before + 1);
  EXPECT_EQ(login("nobody@hub.example", "right horse", "198.51.100.4").refusal,
            login_refusal::invalid_credentials);
  EXPECT_EQ(hasher_.verifications(), before + 2);  // the decoy for an unknown account
}

}  // namespace
}  // namespace hubgate::auth
