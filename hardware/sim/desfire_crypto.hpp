// The cryptography of a MIFARE DESFire EV1 card with AES keys: AES-128-CBC with the chained IV,
// CMAC (NIST SP 800-38B) continuing from the session IV, the card's CRC32 and session keys.
#pragma once
#include <array>
#include <cstdint>
#include <span>
#include <vector>

namespace hubgate::sim::desfire {

using block = std::array<std::uint8_t, 16>;
using aes_key = std::array<std::uint8_t, 16>;

// AES-128-CBC over whole blocks, starting from `iv`; `iv` ends as the last ciphertext block,
// which is how the card and the reader keep one IV running through a session.
std::vector<std::uint8_t> cbc_encrypt(const aes_key& key, block& iv,
                                      std::span<const std::uint8_t> plain);
std::vector<std::uint8_t> cbc_decrypt(const aes_key& key, block& iv,
                                      std::span<const std::uint8_t> cipher);

// CMAC of `message` as if the CBC chain started from `iv` rather than zero (EV1 secure
// messaging); `iv` ends as the full 16-byte MAC. The card sends its first 8 bytes.
block cmac(const aes_key& key, block& iv, std::span<const std::uint8_t> message);

// IEEE 802.3 CRC32 (reflected, preset FFFFFFFF) without the final inversion, as DESFire
// appends it little-endian to enciphered data.
std::uint32_t crc32(std::span<const std::uint8_t> data);
void append_crc32(std::vector<std::uint8_t>& data, std::span<const std::uint8_t> covered);

// The AES session key of an EV1 authentication: RndA[0..3] RndB[0..3] RndA[12..15] RndB[12..15].
aes_key session_key(const block& rnd_a, const block& rnd_b);
// The first byte moved to the end, as both sides answer each other's challenge.
block rotate_left(const block& b);

block random_block();

}  // namespace hubgate::sim::desfire
