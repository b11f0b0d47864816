#include "booking/access/pseudonym_maker.hpp"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>

namespace hubgate::access {

struct pseudonym_maker::context {
  EVP_MAC* mac = nullptr;
  EVP_MAC_CTX* ctx = nullptr;
  ~context() {
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
  }
};

pseudonym_maker::pseudonym_maker(std::span<const std::uint8_t> list_key)
    : key_(list_key.begin(), list_key.end()) {
  // protocol::make_pseudonym substitutes a zero byte for an empty key; leave that case to it.
  if (key_.empty()) return;
  auto c = std::make_unique<context>();
  c->mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  if (c->mac == nullptr) return;
  c->ctx = EVP_MAC_CTX_new(c->mac);
  if (c->ctx == nullptr) return;
  char digest[] = "SHA256";
  OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                         OSSL_PARAM_construct_end()};
  if (EVP_MAC_init(c->ctx, key_.data(), key_.size(), params) != 1) return;
  context_ = std::move(c);
}

pseudonym_maker::~pseudonym_maker() = default;
pseudonym_maker::pseudonym_maker(pseudonym_maker&&) noexcept = default;
pseudonym_maker& pseudonym_maker::operator=(pseudonym_maker&&) noexcept = default;

protocol::pseudonym pseudonym_maker::operator()(std::span<const std::uint8_t> card_id) {
  if (context_ && !card_id.empty()) {
    unsigned char mac[EVP_MAX_MD_SIZE];
    std::size_t mac_len = 0;
    // A null key re-initialises with the key set in the constructor.
    if (EVP_MAC_init(context_->ctx, nullptr, 0, nullptr) == 1 &&
        EVP_MAC_update(context_->ctx, card_id.data(), card_id.size()) == 1 &&
        EVP_MAC_final(context_->ctx, mac, &mac_len, sizeof mac) == 1 && mac_len >= 16) {
      protocol::pseudonym p;
      std::copy_n(mac, p.size(), p.begin());
      return p;
    }
    context_.reset();  // something is off with this context: stop using it
  }
  return protocol::make_pseudonym(key_, card_id);
}

}  // namespace hubgate::access
