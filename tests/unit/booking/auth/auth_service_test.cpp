// The sign-in rules with an in-memory account store: whose failures lock whom out, and that a
// deactivated account costs a full password check like any other.
#include "booking/auth/auth_service.hpp"

#include <gtest/gtest.h>

#include <map>

#include "booking/auth/password_provider.hpp"

namespace hubgate::auth {
namespace {

using domain::outcome;

class memory_accounts final : public domain::auth_repository {
 public:
  std::map<std::string, domain::login_record, std::less<>> logins;
  std::size_t sessions = 0;

  outcome<domain::login_record> find_login(std::string_view email) override {
    auto it = logins.find(email);
    if (it == logins.end()) return domain::errc::not_found;
    return it->second;
  }
  outcome<void> insert_session(std::string_view, const domain::session_record&) override {
    ++sessions;
    return {};
  }
  // Not used by sign-in.
  outcome<void> set_password_hash(std::string_view, std::string) override { return unused(); }
  outcome<domain::session_record> find_session(std::string_view, domain::sys_seconds) override {
    return unused();
  }
  outcome<void> touch_session(std::string_view, domain::sys_seconds) override { return unused(); }
  outcome<void> delete_session(std::string_view) override { return unused(); }
  outcome<std::size_t> delete_expired_sessions(domain::sys_seconds) override { return unused(); }
  outcome<domain::api_token_record> insert_api_token(std::string_view,
                                                     domain::api_token_record) override {
    return unused();
  }
  outcome<domain::api_token_record> find_api_token(std::string_view) override { return unused(); }
  outcome<void> touch_api_token(std::string_view, domain::sys_seconds) override { return unused(); }
  outcome<std::vector<domain::api_token_record>> list_api_tokens(std::string_view) override {
    return unused();
  }
  outcome<void> revoke_api_token(std::string_view) override { return unused(); }

 private:
  static domain::failure unused() { return domain::errc::not_found; }
};

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

  memory_accounts accounts_;
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
  EXPECT_EQ(accounts_.sessions, 1u);
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
