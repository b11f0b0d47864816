// The sign-in rules with an in-memory account store: whose failures lock whom out, that a
// deactivated account costs a full password check like any other, and what a new password
// does to the account's sessions.
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
  auth_service service_{provider_,      hasher_, accounts_,
                        login_policy{}, now_,    [this] { return steady_now_; }};
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

class password_change_test : public auth_service_test {
 protected:
  password_change_result change(std::string_view current, std::string_view replacement,
                                std::string_view from = "198.51.100.4") {
    auto r = service_.change_password(
        {"anna@hub.example", "anna@hub.example", current, replacement, "here", from, "req"});
    EXPECT_TRUE(r);
    return r ? *r : password_change_result{};
  }
  void open_sessions() {
    for (const char* token : {"here", "phone", "laptop"})
      accounts_.sessions[token] = {"anna@hub.example", "c", {}, std::chrono::sys_days{}, {}};
    accounts_.sessions["bob-here"] = {"bob", "c", {}, std::chrono::sys_days{}, {}};
  }
};

TEST_F(password_change_test, the_right_current_password_ends_every_other_session_of_the_account) {
  open_sessions();
  const auto r = change("right horse", "a new stable");
  EXPECT_EQ(r.refusal, login_refusal::none);
  EXPECT_EQ(r.sessions_ended, 2u);
  EXPECT_TRUE(accounts_.sessions.contains("here"));
  EXPECT_FALSE(accounts_.sessions.contains("phone"));
  EXPECT_FALSE(accounts_.sessions.contains("laptop"));
  EXPECT_TRUE(accounts_.sessions.contains("bob-here"));
  EXPECT_EQ(login("anna@hub.example", "right horse", "198.51.100.4").refusal,
            login_refusal::invalid_credentials);
  EXPECT_EQ(login("anna@hub.example", "a new stable", "198.51.100.4").refusal, login_refusal::none);
}

TEST_F(password_change_test, a_wrong_current_password_changes_nothing_and_counts_as_a_guess) {
  open_sessions();
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(change("wrong", "a new stable", "203.0.113.9").refusal,
              login_refusal::invalid_credentials);
  EXPECT_EQ(accounts_.sessions.size(), 4u);
  // A borrowed session cannot guess on: the account is locked out from there, right password
  // or not, as a sign-in from there would be.
  const auto r = change("right horse", "a new stable", "203.0.113.9");
  EXPECT_EQ(r.refusal, login_refusal::rate_limited);
  EXPECT_EQ(r.retry_after, std::chrono::seconds{60});
  EXPECT_EQ(login("anna@hub.example", "right horse", "203.0.113.9").refusal,
            login_refusal::rate_limited);
  EXPECT_EQ(login("anna@hub.example", "right horse", "198.51.100.4").refusal, login_refusal::none);
}

TEST_F(password_change_test, another_account_s_password_does_not_prove_this_one) {
  add("bob@hub.example", "bobs horse!", true);
  auto r = service_.change_password({"anna@hub.example", "bob@hub.example", "bobs horse!",
                                     "a new stable", "", "198.51.100.4", "req"});
  ASSERT_TRUE(r);
  EXPECT_EQ(r->refusal, login_refusal::invalid_credentials);
}

TEST_F(password_change_test, a_password_set_by_an_admin_ends_all_the_account_s_sessions) {
  open_sessions();
  auto ended = service_.set_password("anna@hub.example", "set by admin", "", "req");
  ASSERT_TRUE(ended);
  EXPECT_EQ(*ended, 3u);
  EXPECT_EQ(accounts_.sessions.size(), 1u);
  EXPECT_EQ(login("anna@hub.example", "set by admin", "198.51.100.4").refusal, login_refusal::none);
  EXPECT_TRUE(service_.set_password("nobody", "set by admin", "", "req")
                  .error()
                  .is(domain::errc::not_found));
}

}  // namespace
}  // namespace hubgate::auth
