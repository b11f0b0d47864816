// Card pseudonyms: what the board and the service call a card instead of its identifier.
// HMAC-SHA256 of the card identifier under the site's list key, truncated to 16 bytes.
#pragma once
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "protocol/errc.hpp"

namespace hubgate::protocol {

using pseudonym = std::array<std::uint8_t, 16>;

inline constexpr std::size_t pseudonym_hex_length = 32;

// The list key should be at least 32 random bytes. Never fails for valid spans; an OpenSSL
// failure (out of memory) terminates, since a wrong pseudonym would silently deny everyone.
pseudonym make_pseudonym(std::span<const std::uint8_t> list_key,
                         std::span<const std::uint8_t> card_id);

std::string to_hex(const pseudonym& p);
// Exactly 32 hex characters, else errc::bad_hex.
result<pseudonym> parse_pseudonym(std::string_view hex);

// For hash containers. Pseudonyms are HMAC outputs, so their leading bytes are already
// uniformly distributed; no further mixing is needed.
struct pseudonym_hash {
  std::size_t operator()(const pseudonym& p) const noexcept {
    std::size_t h;
    std::memcpy(&h, p.data(), sizeof h);
    return h;
  }
};

}  // namespace hubgate::protocol
