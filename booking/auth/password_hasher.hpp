// scrypt at the service's cost, with a bound on how many run at once (each takes ~32 MiB and
// tens of milliseconds), and the decoy hash that keeps unknown accounts as slow as known ones.
#pragma once
#include <atomic>
#include <cstdint>
#include <mutex>
#include <optional>
#include <semaphore>
#include <string>
#include <string_view>

#include "booking/auth/password_hash.hpp"

namespace hubgate::auth {

// What the service accepts as a new password, in bytes.
inline constexpr std::size_t min_password_length = 10;
inline constexpr std::size_t max_password_length = 200;

class password_hasher {
 public:
  explicit password_hasher(scrypt_cost cost) : cost_(cost) {}

  // nullopt only if OpenSSL fails.
  std::optional<std::string> hash(std::string_view password);
  bool verify(std::string_view password, std::string_view encoded);
  // Spends the time of a verification without an account to check against.
  void verify_decoy(std::string_view password);
  // How many verifications (decoys included) have run: each is one scrypt.
  std::uint64_t verifications() const { return verifications_.load(); }

 private:
  scrypt_cost cost_;
  std::counting_semaphore<64> slots_{4};
  std::once_flag decoy_once_;
  std::string decoy_;
  std::atomic<std::uint64_t> verifications_{0};
};

}  // namespace hubgate::auth
