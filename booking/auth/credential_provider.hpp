// Where sign-in credentials are checked: the local password store today; LDAP and OIDC are
// meant to be further providers behind the same auth_service.
#pragma once
#include <optional>
#include <string_view>

#include "booking/domain/user.hpp"

namespace hubgate::auth {

class credential_provider {
 public:
  virtual ~credential_provider() = default;
  // The active account these credentials prove, or nullopt (unknown account, deactivated
  // account, wrong secret: the caller cannot tell which, and neither may the time it takes).
  virtual std::optional<domain::user> verify(std::string_view email, std::string_view secret) = 0;
};

}  // namespace hubgate::auth
