// Lower-case hexadecimal text for the protocol's binary fields (pseudonyms, event ids):
// encoding never fails, decoding refuses wrong lengths and non-hex characters.
#pragma once
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace hubgate::protocol {

std::string to_hex(std::span<const std::uint8_t> bytes);

// Decodes exactly out.size() bytes; accepts upper and lower case. False on any mismatch
// (then `out` holds unspecified bytes).
bool from_hex(std::string_view text, std::span<std::uint8_t> out) noexcept;

}  // namespace hubgate::protocol
