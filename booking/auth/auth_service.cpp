#include "booking/auth/auth_service.hpp"

#include <algorithm>
#include <cctype>
#include <string>

#include "booking/auth/secret_token.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::auth {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

login_result refused(login_refusal why, std::chrono::seconds retry_after = {}) {
  login_result r;
  r.refusal = why;
  r.retry_after = retry_after;
  return r;
}

}  // namespace

auth_service::auth_service(credential_provider& provider, password_hasher& hasher,
                           domain::auth_repository& sessions, login_policy policy,
                           const clock_fn& now, steady_fn steady)
    : provider_(provider),
      hasher_(hasher),
      sessions_(sessions),
      policy_(policy),
      now_(now),
      steady_(std::move(steady)),
      account_limiter_(backoff_policy{policy.account_failures, policy.first_lockout,
                                      policy.longest_lockout, policy.window}),
      address_limiter_(policy.address_failures, policy.window) {}

std::optional<std::chrono::seconds> auth_service::throttled(const std::string& account,
                                                            const login_attempt& attempt,
                                                            rate_limiter::clock::time_point at) {
  auto blocked = account_limiter_.blocked_for(account, at);
  if (!blocked) blocked = address_limiter_.blocked_for(attempt.remote_address, at);
  return blocked;
}

// The account's limit counts failures per account *and* address: someone guessing from
// elsewhere cannot lock the member out; the per-address limit still bounds one guesser.
std::string auth_service::account_key(std::string_view email,
                                      std::string_view remote_address) const {
  return lower(email) + '\x1f' + std::string(remote_address);
}

domain::outcome<login_result> auth_service::login(const login_attempt& attempt) {
  const auto steady_now = steady_();
  const std::string account_key = this->account_key(attempt.email, attempt.remote_address);
  if (auto blocked = throttled(account_key, attempt, steady_now)) {
    log::write(log::level::warn, "login_rate_limited",
               {{"request_id", attempt.request_id}, {"remote", attempt.remote_address}});
    return refused(login_refusal::rate_limited, *blocked);
  }
  auto user = provider_.verify(attempt.email, attempt.secret);
  if (!user) {
    account_limiter_.record_failure(account_key, steady_now);
    address_limiter_.record_failure(attempt.remote_address, steady_now);
    log::write(log::level::info, "login_failed",
               {{"request_id", attempt.request_id}, {"remote", attempt.remote_address}});
    return refused(login_refusal::invalid_credentials);
  }
  account_limiter_.reset(account_key);
  auto who = open_session(std::move(*user));
  if (!who) return who.error();
  log::write(log::level::info, "login",
             {{"request_id", attempt.request_id}, {"user_id", who->user.id}});
  login_result out;
  out.who = std::move(*who);
  return out;
}

domain::outcome<principal> auth_service::open_session(domain::user user) {
  const auto now = now_();
  principal who;
  who.user = std::move(user);
  who.actor = domain::actor::of(who.user);
  who.kind = auth_kind::session_cookie;
  who.session_token = random_token(32);
  who.csrf_token = random_token(32);
  domain::session_record session{who.user.id, who.csrf_token, now, now + policy_.session_lifetime,
                                 now};
  if (auto stored = sessions_.insert_session(who.session_token, session); !stored)
    return stored.error();
  return who;
}

domain::outcome<password_change_result> auth_service::change_password(
    const password_change& change) {
  const auto steady_now = steady_();
  const std::string key = account_key(change.email, change.remote_address);
  const login_attempt attempt{change.email, change.current, change.remote_address,
                              change.request_id};
  password_change_result out;
  if (auto blocked = throttled(key, attempt, steady_now)) {
    log::write(log::level::warn, "password_change_rate_limited",
               {{"request_id", change.request_id}, {"remote", change.remote_address}});
    out.refusal = login_refusal::rate_limited;
    out.retry_after = *blocked;
    return out;
  }
  auto user = provider_.verify(change.email, change.current);
  if (!user || user->id != change.user_id) {
    account_limiter_.record_failure(key, steady_now);
    address_limiter_.record_failure(change.remote_address, steady_now);
    log::write(log::level::info, "password_change_refused",
               {{"request_id", change.request_id}, {"user_id", change.user_id}});
    out.refusal = login_refusal::invalid_credentials;
    return out;
  }
  account_limiter_.reset(key);
  auto ended =
      set_password(change.user_id, change.replacement, change.kept_session, change.request_id);
  if (!ended) return ended.error();
  out.sessions_ended = *ended;
  return out;
}

domain::outcome<std::size_t> auth_service::set_password(std::string_view user_id,
                                                        std::string_view replacement,
                                                        std::string_view kept_session,
                                                        std::string_view request_id) {
  auto hash = hasher_.hash(replacement);
  if (!hash)
    return domain::failure(make_error_code(boost::system::errc::not_enough_memory),
                           "password hashing failed");
  auto ended = sessions_.set_password_hash(user_id, std::move(*hash), kept_session);
  if (!ended) return ended.error();
  log::write(log::level::info, "password_changed",
             {{"request_id", request_id},
              {"user_id", user_id},
              {"sessions_ended", static_cast<std::int64_t>(*ended)}});
  return *ended;
}

}  // namespace hubgate::auth
