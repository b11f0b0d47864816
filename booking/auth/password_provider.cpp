#include "booking/auth/password_provider.hpp"

namespace hubgate::auth {

std::optional<domain::user> password_provider::verify(std::string_view email,
                                                      std::string_view password) {
  auto record = accounts_.find_login(email);
  if (!record) {
    // Verifying against a decoy keeps the response time the same, so timing does not reveal
    // which emails have accounts.
    hasher_.verify_decoy(password);
    return std::nullopt;
  }
  // The hash is checked for a deactivated account too, so it answers no faster than a wrong
  // password does.
  const bool matches = hasher_.verify(password, record->password_hash);
  if (!record->account.active || !matches) return std::nullopt;
  return std::move(record->account);
}

}  // namespace hubgate::auth
