#include "booking/store/card_cipher.hpp"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>
#include <vector>

#include "booking/store/store_errc.hpp"
#include "protocol/hex.hpp"

namespace hubgate::store {
namespace {

constexpr std::size_t nonce_size = 12, tag_size = 16;

struct cipher_ctx_free {
  void operator()(EVP_CIPHER_CTX* p) const { EVP_CIPHER_CTX_free(p); }
};
using cipher_ctx = std::unique_ptr<EVP_CIPHER_CTX, cipher_ctx_free>;

const unsigned char* bytes_of(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

int int_size(std::size_t n) {
  return static_cast<int>(n);
}

}  // namespace

std::optional<std::string> card_cipher::digest(std::string_view uid) const {
  unsigned char mac[EVP_MAX_MD_SIZE];
  std::size_t mac_len = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA256", nullptr, key_.data(), key_.size(),
                bytes_of(uid), uid.size(), mac, sizeof mac, &mac_len) == nullptr)
    return std::nullopt;
  return protocol::to_hex(std::span<const std::uint8_t>(mac, mac_len));
}

std::optional<std::string> card_cipher::seal(std::string_view uid) const {
  std::vector<std::uint8_t> out(nonce_size + uid.size() + tag_size);
  if (RAND_bytes(out.data(), int_size(nonce_size)) != 1) return std::nullopt;
  cipher_ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx ||
      EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), out.data()) != 1 ||
      EVP_EncryptUpdate(ctx.get(), out.data() + nonce_size, &len, bytes_of(uid),
                        int_size(uid.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), out.data() + nonce_size + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, int_size(tag_size),
                          out.data() + nonce_size + uid.size()) != 1)
    return std::nullopt;
  return protocol::to_hex(out);
}

std::optional<std::string> card_cipher::unseal(std::string_view sealed) const {
  if (sealed.size() % 2 != 0 || sealed.size() / 2 <= nonce_size + tag_size) return std::nullopt;
  std::vector<std::uint8_t> in(sealed.size() / 2);
  if (!protocol::from_hex(sealed, in)) return std::nullopt;
  const std::size_t text_size = in.size() - nonce_size - tag_size;
  std::string uid(text_size, '\0');
  auto* plain = reinterpret_cast<unsigned char*>(uid.data());
  cipher_ctx ctx(EVP_CIPHER_CTX_new());
  int len = 0;
  if (!ctx ||
      EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key_.data(), in.data()) != 1 ||
      EVP_DecryptUpdate(ctx.get(), plain, &len, in.data() + nonce_size, int_size(text_size)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, int_size(tag_size),
                          in.data() + nonce_size + text_size) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), plain + len, &len) != 1)
    return std::nullopt;
  return uid;
}

domain::failure card_cipher_failed() {
  return domain::failure(make_error_code(errc::internal_error), "the card key could not be used");
}

}  // namespace hubgate::store
