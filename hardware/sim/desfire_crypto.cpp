#include "hardware/sim/desfire_crypto.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <zlib.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace hubgate::sim::desfire {
namespace {

struct cipher_ctx_free {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
struct mac_free {
  void operator()(EVP_MAC* m) const { EVP_MAC_free(m); }
};
struct mac_ctx_free {
  void operator()(EVP_MAC_CTX* c) const { EVP_MAC_CTX_free(c); }
};

// One AES-128 pass over whole blocks without padding. Failures of OpenSSL itself (out of
// memory) do not come from card input: the twin stops rather than answer wrongly.
std::vector<std::uint8_t> aes(const EVP_CIPHER* cipher, bool encrypt, const aes_key& key,
                              const std::uint8_t* iv, std::span<const std::uint8_t> in) {
  std::unique_ptr<EVP_CIPHER_CTX, cipher_ctx_free> ctx(EVP_CIPHER_CTX_new());
  std::vector<std::uint8_t> out(in.size() + 16);
  int n = 0;
  int tail = 0;
  if (!ctx || EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key.data(), iv, encrypt ? 1 : 0) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 ||
      EVP_CipherUpdate(ctx.get(), out.data(), &n, in.data(), static_cast<int>(in.size())) != 1 ||
      EVP_CipherFinal_ex(ctx.get(), out.data() + n, &tail) != 1)
    std::abort();
  out.resize(static_cast<std::size_t>(n) + static_cast<std::size_t>(tail));
  return out;
}

std::span<const std::uint8_t> whole_blocks(std::span<const std::uint8_t> data) {
  return data.first(data.size() - data.size() % 16);
}

}  // namespace

std::vector<std::uint8_t> cbc_encrypt(const aes_key& key, block& iv,
                                      std::span<const std::uint8_t> plain) {
  auto out = aes(EVP_aes_128_cbc(), true, key, iv.data(), whole_blocks(plain));
  if (!out.empty()) std::copy(out.end() - 16, out.end(), iv.begin());
  return out;
}

std::vector<std::uint8_t> cbc_decrypt(const aes_key& key, block& iv,
                                      std::span<const std::uint8_t> cipher) {
  const auto in = whole_blocks(cipher);
  auto out = aes(EVP_aes_128_cbc(), false, key, iv.data(), in);
  if (!in.empty()) std::copy(in.end() - 16, in.end(), iv.begin());
  return out;
}

block cmac(const aes_key& key, block& iv, std::span<const std::uint8_t> message) {
  // OpenSSL's CMAC always starts its CBC chain at zero. Prefixing the block D_K(iv) makes the
  // chain reach exactly `iv` before the message, so the standard MAC of the longer input is
  // the MAC continued from `iv` (for any non-empty message, which the card always has).
  const auto prefix = aes(EVP_aes_128_ecb(), false, key, nullptr, iv);
  std::unique_ptr<EVP_MAC, mac_free> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
  std::unique_ptr<EVP_MAC_CTX, mac_ctx_free> ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
  char cipher_name[] = "AES-128-CBC";
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher_name, 0), OSSL_PARAM_END};
  std::size_t len = 0;
  if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1 ||
      EVP_MAC_update(ctx.get(), prefix.data(), prefix.size()) != 1 ||
      EVP_MAC_update(ctx.get(), message.data(), message.size()) != 1 ||
      EVP_MAC_final(ctx.get(), iv.data(), &len, iv.size()) != 1 || len != iv.size())
    std::abort();
  return iv;
}

// DESFire's CRC32 is the IEEE one without its final inversion: zlib's, inverted back.
std::uint32_t crc32(std::span<const std::uint8_t> data) {
  const auto crc = ::crc32(0L, data.data(), static_cast<uInt>(data.size()));
  return ~static_cast<std::uint32_t>(crc);
}

void append_crc32(std::vector<std::uint8_t>& data, std::span<const std::uint8_t> covered) {
  const std::uint32_t crc = crc32(covered);
  for (int i = 0; i < 4; ++i) data.push_back(static_cast<std::uint8_t>(crc >> (8 * i)));
}

aes_key session_key(const block& rnd_a, const block& rnd_b) {
  aes_key k{};
  std::copy_n(rnd_a.begin(), 4, k.begin());
  std::copy_n(rnd_b.begin(), 4, k.begin() + 4);
  std::copy_n(rnd_a.begin() + 12, 4, k.begin() + 8);
  std::copy_n(rnd_b.begin() + 12, 4, k.begin() + 12);
  return k;
}

block rotate_left(const block& b) {
  block r{};
  std::copy(b.begin() + 1, b.end(), r.begin());
  r[15] = b[0];
  return r;
}

block random_block() {
  block b{};
  if (RAND_bytes(b.data(), static_cast<int>(b.size())) != 1) std::abort();
  return b;
}

}  // namespace hubgate::sim::desfire
