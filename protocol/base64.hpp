// Standard base64 (RFC 4648, padded) for signatures on the wire, over OpenSSL's codec.
// Decoding is strict: wrong alphabet, length or padding is refused, never guessed.
#pragma once
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::protocol {

std::string base64_encode(std::span<const std::uint8_t> bytes);
std::optional<std::vector<std::uint8_t>> base64_decode(std::string_view text);

}  // namespace hubgate::protocol
