#include "booking/store/store_ids.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <chrono>
#include <cstdint>
#include <random>

namespace hubgate::store {
namespace {

std::string hex(const unsigned char* p, std::size_t n) {
  static constexpr char digits[] = "0123456789abcdef";
  std::string out;
  out.reserve(n * 2);
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(digits[p[i] >> 4]);
    out.push_back(digits[p[i] & 0xf]);
  }
  return out;
}

}  // namespace

std::string new_id(std::string_view prefix) {
  std::array<unsigned char, 12> bytes{};
  // The milliseconds since 1970 first (big-endian), so new rows land at the end of the id
  // index instead of on a random page of it, which a commit would have to write out.
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::system_clock::now().time_since_epoch())
                      .count();
  for (int i = 0; i < 6; ++i)
    bytes[i] = static_cast<unsigned char>(static_cast<std::uint64_t>(ms) >> (8 * (5 - i)));
  if (RAND_bytes(bytes.data() + 6, 6) != 1) {
    // Ids only need to be unique, not secret: fall back to the OS entropy source directly.
    std::random_device rd;
    for (std::size_t i = 6; i < bytes.size(); ++i) bytes[i] = static_cast<unsigned char>(rd());
  }
  std::string id(prefix);
  id.push_back('_');
  return id + hex(bytes.data(), bytes.size());
}

std::string sha256_hex(std::string_view data) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> md{};
  unsigned int len = 0;
  EVP_Digest(data.data(), data.size(), md.data(), &len, EVP_sha256(), nullptr);
  return hex(md.data(), len);
}

}  // namespace hubgate::store
