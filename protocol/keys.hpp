// Ed25519 keys for signing access lists (service) and verifying them (board), as RAII owners
// of OpenSSL EVP_PKEY. Load from PEM text or files; generate for the service and tests.
#pragma once
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "protocol/errc.hpp"

struct evp_pkey_st;

namespace hubgate::protocol {

struct evp_pkey_deleter {
  void operator()(evp_pkey_st* key) const noexcept;
};
using evp_pkey_ptr = std::unique_ptr<evp_pkey_st, evp_pkey_deleter>;

using raw_public_key = std::array<std::uint8_t, 32>;

class verify_key {
 public:
  // SubjectPublicKeyInfo PEM ("-----BEGIN PUBLIC KEY-----") of an Ed25519 key.
  static result<verify_key> from_pem(std::string_view pem);
  static result<verify_key> load_pem_file(const std::filesystem::path& path);
  static result<verify_key> from_raw(const raw_public_key& raw);

  std::string to_pem() const;
  raw_public_key raw() const;
  evp_pkey_st* native() const noexcept { return key_.get(); }

 private:
  explicit verify_key(evp_pkey_ptr key) : key_(std::move(key)) {}
  evp_pkey_ptr key_;
};

class signing_key {
 public:
  static result<signing_key> generate();
  // PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----") of an Ed25519 key, unencrypted.
  static result<signing_key> from_pem(std::string_view pem);
  static result<signing_key> load_pem_file(const std::filesystem::path& path);

  // The private key in PEM: for writing the service's key file (mode 0600), never for logs.
  std::string to_pem() const;
  verify_key public_key() const;
  evp_pkey_st* native() const noexcept { return key_.get(); }

 private:
  explicit signing_key(evp_pkey_ptr key) : key_(std::move(key)) {}
  evp_pkey_ptr key_;
};

}  // namespace hubgate::protocol
