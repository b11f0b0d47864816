// The sign-in rules: lock guessing out per account and address (for a growing time) and
// throttle it per address, ask the credential provider, and open a cookie session with its
// CSRF token; and the password rules: a member's own change proves the current password
// under the same lockout, and any new password ends the account's other sessions. Handlers
// only parse and render.
#pragma once
#include <chrono>
#include <functional>
#include <optional>
#include <string_view>

#include "booking/auth/credential_provider.hpp"
#include "booking/auth/login_backoff.hpp"
#include "booking/auth/password_hasher.hpp"
#include "booking/auth/principal.hpp"
#include "booking/auth/rate_limiter.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::auth {

struct login_policy {
  std::chrono::seconds session_lifetime{std::chrono::hours{24 * 7}};
  std::size_t account_failures = 5;   // per account and address before the first lockout
  std::size_t address_failures = 20;  // per remote address within window
  // A window without failures forgets an account's streak; it is also the address limit's.
  std::chrono::seconds window{std::chrono::minutes{15}};
  // Each further failure for the account and address doubles the lockout, up to the longest.
  std::chrono::seconds first_lockout{std::chrono::minutes{1}};
  std::chrono::seconds longest_lockout{std::chrono::hours{1}};
};

struct login_attempt {
  std::string_view email;
  std::string_view secret;
  std::string_view remote_address;
  std::string_view request_id;  // for the log lines
};

enum class login_refusal { none, rate_limited, invalid_credentials };

struct login_result {
  std::optional<principal> who;  // signed in: the new session's clear token and CSRF token
  login_refusal refusal = login_refusal::none;
  std::chrono::seconds retry_after{};  // when rate_limited
};

// A member changing their own password.
struct password_change {
  std::string_view user_id;
  std::string_view email;  // the account's: `current` is verified like a sign-in
  std::string_view current;
  std::string_view replacement;
  std::string_view kept_session;  // the caller's own cookie session, or empty for none
  std::string_view remote_address;
  std::string_view request_id;
};

struct password_change_result {
  login_refusal refusal = login_refusal::none;  // invalid_credentials: `current` is wrong
  std::chrono::seconds retry_after{};           // when rate_limited
  std::size_t sessions_ended = 0;
};

class auth_service {
 public:
  using clock_fn = std::function<std::chrono::sys_seconds()>;
  // The lockouts' clock: steady, so that a wall-clock step neither ends nor stretches one.
  using steady_fn = std::function<rate_limiter::clock::time_point()>;
  // `now` is read at each call (tests replace the function it refers to), as is `steady`.
  auth_service(
      credential_provider& provider, password_hasher& hasher, domain::auth_repository& sessions,
      login_policy policy, const clock_fn& now,
      steady_fn steady = [] { return rate_limiter::clock::now(); });

  // A refusal is a value in login_result; the error is a store failure.
  domain::outcome<login_result> login(const login_attempt& attempt);

  // A refusal is a value in the result; the error is a store or hashing failure. A wrong
  // `current` counts as a failed sign-in of the account from that address.
  domain::outcome<password_change_result> change_password(const password_change& change);
  // An admin setting a user's password: no current one to prove. Returns the sessions ended.
  domain::outcome<std::size_t> set_password(std::string_view user_id, std::string_view replacement,
                                            std::string_view kept_session,
                                            std::string_view request_id);

  const login_policy& policy() const { return policy_; }

 private:
  std::optional<std::chrono::seconds> throttled(const std::string& account,
                                                const login_attempt& attempt,
                                                rate_limiter::clock::time_point at);
  domain::outcome<principal> open_session(domain::user user);
  std::string account_key(std::string_view email, std::string_view remote_address) const;

  credential_provider& provider_;
  password_hasher& hasher_;
  domain::auth_repository& sessions_;
  login_policy policy_;
  const clock_fn& now_;
  steady_fn steady_;
  login_backoff account_limiter_;
  rate_limiter address_limiter_;
};

}  // namespace hubgate::auth
