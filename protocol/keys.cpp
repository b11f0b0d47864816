#include "protocol/keys.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <cstdio>
#include <fstream>
#include <iterator>

namespace hubgate::protocol {
namespace {

// Key files are a few hundred bytes; anything much larger is not a key.
constexpr std::size_t max_key_file_bytes = 64u * 1024u;

struct bio_deleter {
  void operator()(BIO* b) const noexcept { BIO_free(b); }
};
using bio_ptr = std::unique_ptr<BIO, bio_deleter>;

result<std::string> read_small_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return errc::io_error;
  std::string text;
  char buf[4096];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_key_file_bytes) return errc::too_large;
  }
  if (in.bad()) return errc::io_error;
  return text;
}

bool is_ed25519(const EVP_PKEY* key) {
  return key && EVP_PKEY_get_id(key) == EVP_PKEY_ED25519;
}

std::string bio_text(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

template <class Read>
result<evp_pkey_ptr> read_pem(std::string_view pem, Read read) {
  if (pem.size() > max_key_file_bytes) return errc::too_large;
  bio_ptr bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!bio) return errc::crypto_error;
  evp_pkey_ptr key(read(bio.get()));
  ERR_clear_error();
  if (!is_ed25519(key.get())) return errc::key_error;
  return key;
}

}  // namespace

void evp_pkey_deleter::operator()(evp_pkey_st* key) const noexcept {
  EVP_PKEY_free(key);
}

result<verify_key> verify_key::from_pem(std::string_view pem) {
  auto key =
      read_pem(pem, [](BIO* b) { return PEM_read_bio_PUBKEY(b, nullptr, nullptr, nullptr); });
  if (!key) return key.error();
  return verify_key(std::move(*key));
}

result<verify_key> verify_key::load_pem_file(const std::filesystem::path& path) {
  auto text = read_small_file(path);
  if (!text) return text.error();
  return from_pem(*text);
}

result<verify_key> verify_key::from_raw(const raw_public_key& raw) {
  evp_pkey_ptr key(EVP_PKEY_new_raw_public_key(EVP_PKEY_ED25519, nullptr, raw.data(), raw.size()));
  if (!key) {
    ERR_clear_error();
    return errc::key_error;
  }
  return verify_key(std::move(key));
}

std::string verify_key::to_pem() const {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  if (!bio || PEM_write_bio_PUBKEY(bio.get(), key_.get()) != 1) {
    ERR_clear_error();
    return {};
  }
  return bio_text(bio.get());
}

raw_public_key verify_key::raw() const {
  raw_public_key out{};
  std::size_t len = out.size();
  if (EVP_PKEY_get_raw_public_key(key_.get(), out.data(), &len) != 1) ERR_clear_error();
  return out;
}

result<signing_key> signing_key::generate() {
  evp_pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
  if (!key) {
    ERR_clear_error();
    return errc::key_error;
  }
  return signing_key(std::move(key));
}

result<signing_key> signing_key::from_pem(std::string_view pem) {
  auto key =
      read_pem(pem, [](BIO* b) { return PEM_read_bio_PrivateKey(b, nullptr, nullptr, nullptr); });
  if (!key) return key.error();
  return signing_key(std::move(*key));
}

result<signing_key> signing_key::load_pem_file(const std::filesystem::path& path) {
  auto text = read_small_file(path);
  if (!text) return text.error();
  return from_pem(*text);
}

std::string signing_key::to_pem() const {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  if (!bio ||
      PEM_write_bio_PrivateKey(bio.get(), key_.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
    ERR_clear_error();
    return {};
  }
  return bio_text(bio.get());
}

verify_key signing_key::public_key() const {
  raw_public_key raw{};
  std::size_t len = raw.size();
  if (EVP_PKEY_get_raw_public_key(key_.get(), raw.data(), &len) != 1) ERR_clear_error();
  // Cannot fail for a valid Ed25519 key, which every signing_key holds by construction.
  auto key = verify_key::from_raw(raw);
  return std::move(*key);
}

}  // namespace hubgate::protocol
