// DESFire AES-128 card keys diversified per card after NXP AN10922 (CMAC based): a card holds
// only its own key, derived from a site key and what identifies the card, so reading one
// card's key out of it opens no other card.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>

#include "protocol/errc.hpp"

namespace hubgate::protocol {

using aes128_key = std::array<std::uint8_t, 16>;

// The diversification input M is the card's 7-byte UID, the 3-byte application id and a
// system identifier (AN10922 §2.2); it must be 16 to 31 bytes long, else errc::bad_field.
// In that range AN10922's padding of 0x01 || M to two AES blocks is exactly CMAC's own, so the
// key is OpenSSL's AES-CMAC of 0x01 || M under `master`, nothing of our own.
inline constexpr std::size_t min_diversification_input = 16;
inline constexpr std::size_t max_diversification_input = 31;

result<aes128_key> diversify_an10922(const aes128_key& master, std::span<const std::uint8_t> input);

}  // namespace hubgate::protocol
