#include "booking/auth/csrf.hpp"

#include "booking/auth/secret_token.hpp"

namespace hubgate::auth {

bool is_safe_method(std::string_view method) {
  return method == "GET" || method == "HEAD" || method == "OPTIONS";
}

bool csrf_ok(std::string_view method, auth_kind kind, std::string_view header_token,
             std::string_view session_csrf_token) {
  if (kind != auth_kind::session_cookie || is_safe_method(method)) return true;
  if (header_token.empty() || session_csrf_token.empty()) return false;
  return constant_time_equal(header_token, session_csrf_token);
}

}  // namespace hubgate::auth
