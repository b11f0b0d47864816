// Sign-in routes: login (the rules are auth::auth_service's) creating a cookie session with
// its CSRF token, logout, your sessions (listed, ended one by one), and bearer tokens.
#include <algorithm>

#include "booking/api/booking_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/auth/auth_cache.hpp"
#include "booking/auth/authenticator.hpp"
#include "booking/auth/secret_token.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::api::handlers {
namespace {

constexpr std::int64_t default_token_days = 90, max_token_days = 365;

boost::json::object session_body(const auth::principal& who) {
  return {{"csrf_token", who.csrf_token}, {"user", to_json(who.user)}};
}

std::optional<problem> empty_body(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return body.error();
  body_fields f(*body);
  if (auto errors = f.finish(); !errors.empty()) return validation_failed(std::move(errors));
  return std::nullopt;
}

// The id under which the caller's own cookie session is listed, or "" for a bearer token.
std::string own_session_id(const call& c) {
  if (c.who->kind != auth::auth_kind::session_cookie) return {};
  return auth::auth_cache::key_of(c.who->session_token).substr(0, 16);
}

}  // namespace

http::http_response login(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto email = f.text("email", need::required, 254);
  auto password = f.text("password", need::required, 200);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));

  auto result =
      c.svc.sign_in.login({*email, *password, c.request.remote_address, c.request.request_id});
  if (!result) return respond(c, result.error());
  if (result->refusal == auth::login_refusal::rate_limited)
    return respond(c, rate_limited(result->retry_after.count()));
  if (result->refusal == auth::login_refusal::invalid_credentials) {
    c.svc.metrics.login_failed();
    problem p = unauthenticated("wrong email or password");
    p.code = "invalid_credentials";
    return respond(c, p);
  }
  c.svc.metrics.login_succeeded();
  const auto& who = *result->who;
  auto response = json_response(200, session_body(who));
  response.headers.emplace_back(
      "set-cookie",
      auth::session_cookie(who.session_token, c.svc.sign_in.policy().session_lifetime));
  return response;
}

http::http_response logout(call& c) {
  if (auto p = empty_body(c)) return respond(c, *p);
  if (c.who->kind == auth::auth_kind::session_cookie) {
    if (auto r = c.svc.auth.delete_session(c.who->session_token); !r) return respond(c, r.error());
  }
  auto response = no_content();
  response.headers.emplace_back("set-cookie", auth::cleared_session_cookie());
  return response;
}

http::http_response current_session(call& c) {
  boost::json::object body = session_body(*c.who);
  if (c.who->kind != auth::auth_kind::session_cookie) body.erase("csrf_token");
  return json_response(200, body);
}

http::http_response list_sessions(call& c) {
  const std::string own = own_session_id(c);
  const auto now = c.svc.now();
  auto sessions = c.svc.auth.list_sessions(c.who->user.id, now);
  // A session unused for the idle time is over, though the store keeps it until it expires.
  if (sessions)
    std::erase_if(*sessions, [&](const domain::session_summary& s) {
      return s.last_seen + c.svc.settings.session_idle <= now;
    });
  return respond_list(c, sessions, [&](const domain::session_summary& s) {
    boost::json::object o = to_json(s);
    o["current"] = s.id == own;
    return o;
  });
}

http::http_response end_session(call& c) {
  const auto id = c.param("id");
  if (auto r = c.svc.auth.delete_session_by_id(c.who->user.id, id); !r) {
    if (r.error().is(domain::errc::not_found))
      return respond(c, not_found("no such session of yours"));
    return respond(c, r.error());
  }
  auto response = no_content();
  if (id == own_session_id(c))
    response.headers.emplace_back("set-cookie", auth::cleared_session_cookie());
  return response;
}

http::http_response create_token(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto name = f.text("name", need::required, 100);
  if (name && name->empty()) f.error("name", "required", "must not be empty");
  const auto days = f.integer("expires_in_days", need::optional, 1, max_token_days);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  domain::api_token_record record;
  record.name = *name;
  record.user_id = c.who->user.id;
  record.created_at = c.svc.now();
  record.expires_at = record.created_at + std::chrono::days{days.value_or(default_token_days)};
  const std::string token = auth::random_token(32);
  auto stored = c.svc.auth.insert_api_token(token, record);
  if (!stored) return respond(c, stored.error());
  auto out = to_json(*stored);
  out["token"] = token;  // shown once; only its hash is kept
  return json_response(201, out);
}

http::http_response list_tokens(call& c) {
  auto tokens = c.svc.auth.list_api_tokens(c.who->user.id);
  if (tokens) std::erase_if(*tokens, [](const domain::api_token_record& t) { return t.revoked; });
  return respond_list(c, tokens, [](const auto& t) { return to_json(t); });
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
