#include "door_controller/link/board_credentials.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <memory>
#include <vector>

#include "protocol/errc.hpp"
#include "protocol/hex.hpp"

namespace hubgate::door {
namespace {

struct openssl_free {
  void operator()(EVP_PKEY* p) const noexcept { EVP_PKEY_free(p); }
  void operator()(X509_REQ* p) const noexcept { X509_REQ_free(p); }
  void operator()(X509* p) const noexcept { X509_free(p); }
  void operator()(BIO* p) const noexcept { BIO_free(p); }
};
template <class T>
using owned = std::unique_ptr<T, openssl_free>;

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  return n > 0 ? std::string(data, static_cast<std::size_t>(n)) : std::string();
}

boost::system::error_code crypto_failed() {
  ERR_clear_error();
  return protocol::errc::crypto_error;
}

}  // namespace

boost::system::result<board_key_and_csr> make_board_key(std::string_view common_name) {
  owned<EVP_PKEY> key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  owned<X509_REQ> req(X509_REQ_new());
  if (!key || !req) return crypto_failed();
  X509_NAME* name = X509_REQ_get_subject_name(req.get());
  const std::string cn(common_name);
  if (X509_REQ_set_version(req.get(), 0) != 1 ||
      X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1,
                                 0) != 1 ||
      X509_REQ_set_pubkey(req.get(), key.get()) != 1 ||
      X509_REQ_sign(req.get(), key.get(), EVP_sha256()) <= 0)
    return crypto_failed();
  owned<BIO> key_out(BIO_new(BIO_s_mem()));
  owned<BIO> csr_out(BIO_new(BIO_s_mem()));
  if (!key_out || !csr_out ||
      PEM_write_bio_PrivateKey(key_out.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
          1 ||
      PEM_write_bio_X509_REQ(csr_out.get(), req.get()) != 1)
    return crypto_failed();
  return board_key_and_csr{drain(key_out.get()), drain(csr_out.get())};
}

boost::system::result<std::string> certificate_fingerprint(std::string_view pem) {
  owned<BIO> in(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())));
  if (!in) return crypto_failed();
  owned<X509> cert(PEM_read_bio_X509(in.get(), nullptr, nullptr, nullptr));
  if (!cert) {
    ERR_clear_error();
    return protocol::errc::key_error;
  }
  unsigned char* der = nullptr;
  const int der_length = i2d_X509(cert.get(), &der);
  if (der_length <= 0) return crypto_failed();
  std::vector<std::uint8_t> digest(EVP_MAX_MD_SIZE);
  unsigned int digest_length = 0;
  const int ok = EVP_Digest(der, static_cast<std::size_t>(der_length), digest.data(),
                            &digest_length, EVP_sha256(), nullptr);
  OPENSSL_free(der);
  if (ok != 1) return crypto_failed();
  digest.resize(digest_length);
  return protocol::to_hex(digest);
}

}  // namespace hubgate::door
