#include "booking/auth/password_hasher.hpp"

namespace hubgate::auth {

std::optional<std::string> password_hasher::hash(std::string_view password) {
  slots_.acquire();
  auto out = hash_password(password, cost_);
  slots_.release();
  return out;
}

bool password_hasher::verify(std::string_view password, std::string_view encoded) {
  slots_.acquire();
  verifications_.fetch_add(1);
  bool ok = verify_password(password, encoded);
  slots_.release();
  return ok;
}

void password_hasher::verify_decoy(std::string_view password) {
  std::call_once(decoy_once_, [this] { decoy_ = hash_password("decoy", cost_).value_or(""); });
  (void)verify(password, decoy_);
}

}  // namespace hubgate::auth
