#include "booking/auth/password_hash.hpp"

#include <fmt/format.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/kdf.h>
#include <openssl/params.h>
#include <openssl/rand.h>

#include <charconv>
#include <vector>

#include "booking/auth/secret_token.hpp"

namespace hubgate::auth {
namespace {

constexpr std::size_t salt_bytes = 16;
constexpr std::size_t hash_bytes = 32;

bool scrypt(std::string_view password, std::string_view salt, scrypt_cost cost, unsigned char* out,
            std::size_t out_len) {
  EVP_KDF* kdf = EVP_KDF_fetch(nullptr, "SCRYPT", nullptr);
  if (!kdf) return false;
  EVP_KDF_CTX* ctx = EVP_KDF_CTX_new(kdf);
  EVP_KDF_free(kdf);
  if (!ctx) return false;
  uint64_t n = uint64_t{1} << cost.log2_n;
  uint32_t r = cost.r, p = cost.p;
  // 2^15 * 8 * 128 = 32 MiB; allow a margin above OpenSSL's 32 MiB default.
  uint64_t maxmem = uint64_t{128} * r * (n + p + 2) + (uint64_t{1} << 20);
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_PASSWORD, const_cast<char*>(password.data()),
                                        password.size()),
      OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()),
                                        salt.size()),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_N, &n),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_R, &r),
      OSSL_PARAM_construct_uint32(OSSL_KDF_PARAM_SCRYPT_P, &p),
      OSSL_PARAM_construct_uint64(OSSL_KDF_PARAM_SCRYPT_MAXMEM, &maxmem),
      OSSL_PARAM_construct_end(),
  };
  const bool ok = EVP_KDF_derive(ctx, out, out_len, params) == 1;
  EVP_KDF_CTX_free(ctx);
  return ok;
}

bool parse_uint(std::string_view text, unsigned& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc{} && ptr == text.data() + text.size();
}

// Splits "$scrypt$ln=15,r=8,p=1$salt$hash" into its parts.
bool decode(std::string_view encoded, scrypt_cost& cost, std::string& salt, std::string& hash) {
  constexpr std::string_view prefix = "$scrypt$";
  if (encoded.substr(0, prefix.size()) != prefix) return false;
  encoded.remove_prefix(prefix.size());
  auto d1 = encoded.find('$');
  if (d1 == std::string_view::npos) return false;
  auto d2 = encoded.find('$', d1 + 1);
  if (d2 == std::string_view::npos) return false;
  std::string_view params = encoded.substr(0, d1);
  bool ln = false, r = false, p = false;
  while (!params.empty()) {
    auto comma = params.find(',');
    std::string_view kv = params.substr(0, comma);
    params = comma == std::string_view::npos ? std::string_view{} : params.substr(comma + 1);
    auto eq = kv.find('=');
    if (eq == std::string_view::npos) return false;
    auto key = kv.substr(0, eq), value = kv.substr(eq + 1);
    if (key == "ln")
      ln = parse_uint(value, cost.log2_n);
    else if (key == "r")
      r = parse_uint(value, cost.r);
    else if (key == "p")
      p = parse_uint(value, cost.p);
    else
      return false;
  }
  if (!ln || !r || !p) return false;
  // Bound the work a stored string can demand.
  if (cost.log2_n < 1 || cost.log2_n > 20 || cost.r < 1 || cost.r > 32 || cost.p < 1 || cost.p > 16)
    return false;
  return base64_decode(encoded.substr(d1 + 1, d2 - d1 - 1), salt) &&
         base64_decode(encoded.substr(d2 + 1), hash) && salt.size() >= 8 && salt.size() <= 64 &&
         hash.size() == hash_bytes;
}

}  // namespace

std::optional<std::string> hash_password(std::string_view password, scrypt_cost cost) {
  unsigned char salt[salt_bytes];
  if (RAND_bytes(salt, sizeof salt) != 1) return std::nullopt;
  unsigned char hash[hash_bytes];
  const std::string_view salt_view(reinterpret_cast<const char*>(salt), sizeof salt);
  if (!scrypt(password, salt_view, cost, hash, sizeof hash)) return std::nullopt;
  return fmt::format("$scrypt$ln={},r={},p={}${}${}", cost.log2_n, cost.r, cost.p,
                     base64_encode(salt_view),
                     base64_encode({reinterpret_cast<const char*>(hash), sizeof hash}));
}

bool verify_password(std::string_view password, std::string_view encoded) {
  scrypt_cost cost;
  std::string salt, expected;
  if (!decode(encoded, cost, salt, expected)) return false;
  std::vector<unsigned char> actual(expected.size());
  if (!scrypt(password, salt, cost, actual.data(), actual.size())) return false;
  return CRYPTO_memcmp(actual.data(), expected.data(), expected.size()) == 0;
}

}  // namespace hubgate::auth
