#include "booking/auth/authenticator.hpp"

#include <fmt/format.h>

#include <cctype>

namespace hubgate::auth {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

authentication defer() {
  authentication later;
  later.needs_store = true;
  return later;
}

authentication refuse(std::string why, std::string code = {}) {
  authentication out;
  out.refused = std::move(why);
  out.refused_code = std::move(code);
  return out;
}

}  // namespace

std::string_view cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    auto semi = header.find(';');
    std::string_view pair = trim(header.substr(0, semi));
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (trim(pair.substr(0, eq)) == name) return trim(pair.substr(eq + 1));
  }
  return {};
}

std::optional<std::string_view> bearer_token(std::string_view authorization) {
  authorization = trim(authorization);
  constexpr std::string_view scheme = "bearer ";
  if (authorization.size() <= scheme.size()) return std::nullopt;
  for (std::size_t i = 0; i < scheme.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(authorization[i])) != scheme[i])
      return std::nullopt;
  auto token = trim(authorization.substr(scheme.size()));
  if (token.empty() || token.size() > 256) return std::nullopt;
  return token;
}

std::optional<principal> authenticator::principal_for(const std::string& user_id) const {
  auto u = users_.get_user(user_id);
  if (!u || !u->active) return std::nullopt;
  principal p;
  p.actor = domain::actor::of(*u);
  p.user = std::move(*u);
  return p;
}

authentication authenticator::authenticate(const http::http_request& request,
                                           auth_lookup lookup) const {
  const bool memory_only = lookup == auth_lookup::memory_only;
  if (auto authz = request.header("authorization"); !authz.empty())
    return bearer(authz, memory_only);
  return cookie(request.header("cookie"), memory_only);
}

authentication authenticator::bearer(std::string_view authorization, bool memory_only) const {
  auto token = bearer_token(authorization);
  if (!token) return refuse("the Authorization header must be 'Bearer <token>'");
  const auto now = now_();
  const auto key = auth_cache::key_of(*token);
  auto hit = cache_.find(key);
  if (!hit || hit->who.kind != auth_kind::bearer_token) {
    if (memory_only) return defer();
    const auto generation = cache_.generation();
    auto record = tokens_.find_api_token(*token);
    auto who = record ? principal_for(record->user_id) : std::nullopt;
    if (!who) return refuse("the bearer token is not valid");
    who->kind = auth_kind::bearer_token;
    who->api_token_id = record->id;
    // Never used: due for a touch at once.
    const auto never = now - touch_interval_ - std::chrono::seconds{1};
    hit = cached_identity{std::move(*who), record->expires_at, record->last_used.value_or(never)};
    cache_.put(key, *hit, generation);
  }
  // Said apart from an unknown token, so that a script's owner knows to make a new one.
  if (hit->expires_at <= now) return refuse("the bearer token has expired", "token_expired");
  if (hit->last_seen + touch_interval_ < now) {
    if (memory_only) return defer();
    (void)tokens_.touch_api_token(hit->who.api_token_id, now);
    cache_.note_seen(key, now);
  }
  authentication out;
  out.who = std::move(hit->who);
  return out;
}

authentication authenticator::cookie(std::string_view cookie_header, bool memory_only) const {
  authentication out;
  auto token = cookie_value(cookie_header, session_cookie_name);
  if (token.empty() || token.size() > 256) return out;
  const auto now = now_();
  const auto key = auth_cache::key_of(token);
  auto hit = cache_.find(key);
  if (!hit || hit->who.kind != auth_kind::session_cookie) {
    if (memory_only) return defer();
    const auto generation = cache_.generation();
    auto session = tokens_.find_session(token, now);
    if (!session) return out;
    auto who = principal_for(session->user_id);
    if (!who) return out;
    who->kind = auth_kind::session_cookie;
    who->csrf_token = session->csrf_token;
    hit = cached_identity{std::move(*who), session->expires_at, session->last_seen};
    cache_.put(key, *hit, generation);
  } else if (hit->expires_at <= now) {
    return out;  // as find_session would say
  }
  // Checked before the touch, which would otherwise revive an idle session.
  if (hit->last_seen + idle_timeout_ <= now) return out;
  if (hit->last_seen + touch_interval_ < now) {
    if (memory_only) return defer();
    // Only a touch the store has is remembered: idle expiry must see what the store will say.
    if (tokens_.touch_session(token, now)) cache_.note_seen(key, now);
  }
  out.who = std::move(hit->who);
  out.who->session_token = std::string(token);
  return out;
}

std::string session_cookie(std::string_view token, std::chrono::seconds lifetime) {
  return fmt::format("{}={}; Path=/; Max-Age={}; Secure; HttpOnly; SameSite=Lax",
                     session_cookie_name, token, lifetime.count());
}

std::string cleared_session_cookie() {
  return fmt::format("{}=; Path=/; Max-Age=0; Secure; HttpOnly; SameSite=Lax", session_cookie_name);
}

}  // namespace hubgate::auth
