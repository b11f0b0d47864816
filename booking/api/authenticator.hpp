// Who is calling: a session cookie (browsers) or a bearer token (scripts), each looked up by
// the SHA-256 the store keeps. Also the cookie format and the login/session bookkeeping.
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "booking/api/call.hpp"
#include "booking/api/problem.hpp"
#include "booking/api/services.hpp"

namespace hubgate::api {

inline constexpr std::string_view session_cookie_name = "hubgate_session";

// The value of cookie `name` in a Cookie header, or empty.
std::string_view cookie_value(std::string_view cookie_header, std::string_view name);

// "Bearer <token>" -> token; nullopt for another scheme or a malformed header.
std::optional<std::string_view> bearer_token(std::string_view authorization);

struct authentication {
  std::optional<principal> who;
  std::optional<problem> refused;  // a presented bearer token that is not valid: 401
  bool needs_store = false;        // memory_only could not decide: ask again with the store
};

// memory_only answers from the identity cache alone; a miss, or a "last seen" touch that is
// due, sets needs_store instead of reading or writing the store.
enum class auth_lookup { with_store, memory_only };

// A missing or stale session cookie is simply anonymous (the route then decides); a bearer
// token that does not resolve is refused, as scripts should learn at once.
authentication authenticate(services& svc, const http::http_request& request,
                            auth_lookup lookup = auth_lookup::with_store);

// Set-Cookie values for a new session and for signing out.
std::string session_cookie(std::string_view token, std::chrono::seconds lifetime);
std::string cleared_session_cookie();

}  // namespace hubgate::api
