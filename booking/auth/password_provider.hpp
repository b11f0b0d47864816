// Credentials checked against the scrypt hashes in the service's own auth store.
#pragma once
#include "booking/auth/credential_provider.hpp"
#include "booking/auth/password_hasher.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::auth {

class password_provider final : public credential_provider {
 public:
  password_provider(domain::auth_repository& accounts, password_hasher& hasher)
      : accounts_(accounts), hasher_(hasher) {}

  std::optional<domain::user> verify(std::string_view email, std::string_view password) override;

 private:
  domain::auth_repository& accounts_;
  password_hasher& hasher_;
};

}  // namespace hubgate::auth
