// Who is calling: a session cookie (browsers) or a bearer token (scripts), each looked up by
// the SHA-256 the store keeps. Also the session cookie's format.
#pragma once
#include <algorithm>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "booking/auth/auth_cache.hpp"
#include "booking/auth/principal.hpp"
#include "booking/domain/ports.hpp"
#include "booking/http/http_message.hpp"

namespace hubgate::auth {

inline constexpr std::string_view session_cookie_name = "hubgate_session";

// The value of cookie `name` in a Cookie header, or empty.
std::string_view cookie_value(std::string_view cookie_header, std::string_view name);

// "Bearer <token>" -> token; nullopt for another scheme or a malformed header.
std::optional<std::string_view> bearer_token(std::string_view authorization);

struct authentication {
  std::optional<principal> who;
  std::optional<std::string> refused;  // why a presented bearer token is not valid (a 401)
  std::string refused_code;            // the problem's code when not "unauthenticated"
  bool needs_store = false;            // memory_only could not decide: ask again with the store
};

// memory_only answers from the identity cache alone; a miss, or a "last seen" touch that is
// due, sets needs_store instead of reading or writing the store.
enum class auth_lookup { with_store, memory_only };

struct session_timing {
  std::chrono::seconds touch_interval{std::chrono::minutes{5}};  // last_seen precision
  std::chrono::seconds idle_timeout{std::chrono::hours{8}};      // unused this long: ended
};

// Resolves the credentials a request presents, through the identity cache and the store.
class authenticator {
 public:
  using clock_fn = std::function<std::chrono::sys_seconds()>;
  // `now` is read at each call (tests replace the function it refers to).
  // The touch interval is shortened to a quarter of the idle timeout when longer, so that a
  // session in use never looks idle because its last touch was skipped.
  authenticator(domain::user_repository& users, domain::auth_repository& tokens, auth_cache& cache,
                session_timing timing, const clock_fn& now)
      : users_(users),
        tokens_(tokens),
        cache_(cache),
        touch_interval_(std::min(timing.touch_interval, timing.idle_timeout / 4)),
        idle_timeout_(timing.idle_timeout),
        now_(now) {}

  // A missing or stale session cookie is simply anonymous (the route then decides); a bearer
  // token that does not resolve is refused, as scripts should learn at once.
  authentication authenticate(const http::http_request& request,
                              auth_lookup lookup = auth_lookup::with_store) const;

 private:
  authentication bearer(std::string_view authorization, bool memory_only) const;
  authentication cookie(std::string_view cookie_header, bool memory_only) const;
  std::optional<principal> principal_for(const std::string& user_id) const;

  domain::user_repository& users_;
  domain::auth_repository& tokens_;
  auth_cache& cache_;
  std::chrono::seconds touch_interval_;
  std::chrono::seconds idle_timeout_;
  const clock_fn& now_;
};

// Set-Cookie values for a new session and for signing out.
std::string session_cookie(std::string_view token, std::chrono::seconds lifetime);
std::string cleared_session_cookie();

}  // namespace hubgate::auth
