// What the store keeps of a card instead of its UID, under the service's card key: an
// HMAC-SHA256 digest to find the card and keep it unique, and the UID sealed with AES-256-GCM
// for the access derivation, the one reader that needs it. Internal to booking/store.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "booking/domain/failure.hpp"

namespace hubgate::store {

using card_key = std::array<std::uint8_t, 32>;

class card_cipher {
 public:
  explicit card_cipher(const card_key& key) : key_(key) {}

  // Lower-case hex of HMAC-SHA256(key, uid): the same UID always gives the same digest.
  // nullopt only when OpenSSL fails.
  std::optional<std::string> digest(std::string_view uid) const;
  // Hex of a fresh random 12-byte nonce, the ciphertext and the 16-byte tag, so sealing the
  // same UID twice gives different text. nullopt only when OpenSSL fails.
  std::optional<std::string> seal(std::string_view uid) const;
  // The UID, or nullopt when the text was not sealed under this key or has been altered.
  std::optional<std::string> unseal(std::string_view sealed) const;

 private:
  card_key key_;
};

// What a store operation returns when OpenSSL fails to digest or seal a card (internal_error).
domain::failure card_cipher_failed();

}  // namespace hubgate::store
