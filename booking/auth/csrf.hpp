// Cross-site request forgery defence for cookie sessions: unsafe methods must echo the
// session's CSRF token in X-CSRF-Token; bearer tokens are not sent by browsers, so need none.
#pragma once
#include <string_view>

namespace hubgate::auth {

enum class auth_kind { none, session_cookie, bearer_token };

bool is_safe_method(std::string_view method);

// True when the request may proceed as far as CSRF is concerned.
bool csrf_ok(std::string_view method, auth_kind kind, std::string_view header_token,
             std::string_view session_csrf_token);

}  // namespace hubgate::auth
