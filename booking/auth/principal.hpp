// Who is calling, once authenticated: the user, the actor the domain checks, and how they
// proved it (a cookie session or a bearer token) with what that proof carries.
#pragma once
#include <string>

#include "booking/auth/csrf.hpp"
#include "booking/domain/actor.hpp"
#include "booking/domain/user.hpp"

namespace hubgate::auth {

struct principal {
  domain::user user;
  domain::actor actor;
  auth_kind kind = auth_kind::none;
  std::string session_token;  // clear token of a cookie session (for logout); never logged
  std::string csrf_token;     // the session's
  std::string api_token_id;   // for bearer tokens
};

}  // namespace hubgate::auth
