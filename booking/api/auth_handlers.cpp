// Sign-in routes: password login (rate limited per account and per address) creating a
// cookie session with its CSRF token, logout, and bearer tokens for scripts.
#include <algorithm>
#include <mutex>

#include "booking/api/authenticator.hpp"
#include "booking/api/booking_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/secret_token.hpp"
#include "booking/log/log.hpp"

namespace hubgate::api::handlers {
namespace {

// Verifying against this when the account does not exist keeps the response time the same,
// so timing does not reveal which emails have accounts.
const std::string& decoy_hash(const scrypt_cost& cost) {
  static std::once_flag once;
  static std::string hash;
  std::call_once(once, [&] { hash = hash_password("decoy", cost).value_or(""); });
  return hash;
}

bool verify_bounded(services& svc, std::string_view password, std::string_view encoded) {
  svc.kdf_slots.acquire();
  bool ok = verify_password(password, encoded);
  svc.kdf_slots.release();
  return ok;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return out;
}

boost::json::object session_body(const principal& who) {
  return {{"csrf_token", who.csrf_token}, {"user", to_json(who.user)}};
}

std::optional<problem> empty_body(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return body.error();
  json_fields f(*body);
  if (auto errors = f.finish(); !errors.empty()) return validation_failed(std::move(errors));
  return std::nullopt;
}

}  // namespace

http::http_response login(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  json_fields f(*body);
  auto email = f.text("email", need::required, 254);
  auto password = f.text("password", need::required, 200);
  if (auto errors = f.finish(); !errors.empty()) return respond(c, validation_failed(std::move(errors)));

  const auto steady_now = rate_limiter::clock::now();
  const std::string account_key = lower(*email);
  const std::string address_key = c.request.remote_address;
  auto blocked = c.svc.account_limiter.blocked_for(account_key, steady_now);
  if (!blocked) blocked = c.svc.address_limiter.blocked_for(address_key, steady_now);
  if (blocked) {
    log::write(log::level::warn, "login_rate_limited",
               {{"request_id", c.request.request_id}, {"remote", c.request.remote_address}});
    return respond(c, rate_limited(blocked->count()));
  }

  auto record = c.svc.auth.find_login(*email);
  bool ok = false;
  if (record) ok = record->account.active && verify_bounded(c.svc, *password, record->password_hash);
  else verify_bounded(c.svc, *password, decoy_hash(c.svc.settings.password_cost));
  if (!ok) {
    c.svc.account_limiter.record_failure(account_key, steady_now);
    c.svc.address_limiter.record_failure(address_key, steady_now);
    c.svc.metrics.login_failed();
    log::write(log::level::info, "login_failed",
               {{"request_id", c.request.request_id}, {"remote", c.request.remote_address}});
    problem p = unauthenticated("wrong email or password");
    p.code = "invalid_credentials";
    return respond(c, p);
  }
  c.svc.account_limiter.reset(account_key);

  const auto now = c.svc.now();
  principal who;
  who.user = record->account;
  who.actor = domain::actor::of(who.user);
  who.kind = auth_kind::session_cookie;
  who.session_token = random_token(32);
  who.csrf_token = random_token(32);
  domain::session_record session{who.user.id, who.csrf_token, now,
                                 now + c.svc.settings.session_lifetime, now};
  if (auto stored = c.svc.auth.insert_session(who.session_token, session); !stored)
    return respond(c, stored.error());
  c.svc.metrics.login_succeeded();
  log::write(log::level::info, "login", {{"request_id", c.request.request_id}, {"user_id", who.user.id}});
  auto response = json_response(200, session_body(who));
  response.headers.emplace_back("set-cookie",
                                session_cookie(who.session_token, c.svc.settings.session_lifetime));
  return response;
}

http::http_response logout(call& c) {
  if (auto p = empty_body(c)) return respond(c, *p);
  if (c.who->kind == auth_kind::session_cookie) {
    if (auto r = c.svc.auth.delete_session(c.who->session_token); !r) return respond(c, r.error());
  }
  auto response = no_content();
  response.headers.emplace_back("set-cookie", cleared_session_cookie());
  return response;
}

http::http_response current_session(call& c) {
  boost::json::object body = session_body(*c.who);
  if (c.who->kind != auth_kind::session_cookie) body.erase("csrf_token");
  return json_response(200, body);
}

http::http_response create_token(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  json_fields f(*body);
  auto name = f.text("name", need::required, 100);
  if (name && name->empty()) f.error("name", "required", "must not be empty");
  if (auto errors = f.finish(); !errors.empty()) return respond(c, validation_failed(std::move(errors)));
  domain::api_token_record record;
  record.name = *name;
  record.user_id = c.who->user.id;
  record.created_at = c.svc.now();
  const std::string token = random_token(32);
  auto stored = c.svc.auth.insert_api_token(token, record);
  if (!stored) return respond(c, stored.error());
  auto out = to_json(*stored);
  out["token"] = token;  // shown once; only its hash is kept
  return json_response(201, out);
}

http::http_response list_tokens(call& c) {
  return respond_list(c, c.svc.auth.list_api_tokens(c.who->user.id),
                      [](const auto& t) { return to_json(t); });
}

http::http_response revoke_token(call& c) {
  auto mine = c.svc.auth.list_api_tokens(c.who->user.id);
  if (!mine) return respond(c, mine.error());
  const auto id = c.param("id");
  if (std::none_of(mine->begin(), mine->end(), [&](const auto& t) { return t.id == id; }))
    return respond(c, not_found("no such token of yours"));
  if (auto r = c.svc.auth.revoke_api_token(id); !r) return respond(c, r.error());
  return no_content();
}

}  // namespace hubgate::api::handlers
