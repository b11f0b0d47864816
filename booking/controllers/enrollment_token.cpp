#include "booking/controllers/enrollment_token.hpp"

#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <cstdlib>

#include "booking/pki/tls_material.hpp"
#include "protocol/base64.hpp"

namespace hubgate::controllers {
namespace {
constexpr std::size_t token_bytes = 32;
constexpr std::size_t token_length = 43;  // base64url of 32 bytes, unpadded
}  // namespace

std::string make_enrollment_token() {
  std::array<std::uint8_t, token_bytes> bytes{};
  if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1) std::abort();
  std::string text = protocol::base64_encode(bytes);
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '=') break;
    out.push_back(c == '+' ? '-' : c == '/' ? '_' : c);
  }
  return out;
}

std::string enrollment_token_hash(std::string_view token) {
  if (token.size() != token_length) return {};
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return {};
  }
  return pki::sha256_hex(token);
}

}  // namespace hubgate::controllers
