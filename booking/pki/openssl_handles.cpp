#include "booking/pki/openssl_handles.hpp"

#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/pem.h>

#include <fstream>
#include <sstream>

#include "booking/pki/pki_error.hpp"
#include "protocol/log/log.hpp"
#include "protocol/private_file/private_file.hpp"

namespace hubgate::pki::detail {
namespace {

struct bio_free {
  void operator()(BIO* p) const { BIO_free(p); }
};
using bio_ptr = std::unique_ptr<BIO, bio_free>;

bio_ptr memory_bio(std::string_view data) {
  return bio_ptr(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
}

std::string drain(BIO* bio) {
  char* data = nullptr;
  const long size = BIO_get_mem_data(bio, &data);
  return std::string(data, static_cast<std::size_t>(size));
}

}  // namespace

boost::system::error_code crypto_error(std::string_view what) {
  std::string detail;
  while (const unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    if (!detail.empty()) detail += "; ";
    detail += text;
  }
  log::write(log::level::warn, "pki_crypto_failed", {{"operation", what}, {"detail", detail}});
  return pki_error::crypto_failed;
}

boost::system::result<pkey_ptr> make_p256_key() {
  pkey_ptr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
  if (!key) return crypto_error("EC P-256 key generation");
  return key;
}

boost::system::result<x509_ptr> parse_certificate_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  x509_ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (!cert) return pki_error::bad_pem;
  return cert;
}

boost::system::result<pkey_ptr> parse_private_key_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  pkey_ptr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (!key) return pki_error::bad_pem;
  return key;
}

boost::system::result<req_ptr> parse_csr_pem(std::string_view pem) {
  auto bio = memory_bio(pem);
  req_ptr req(PEM_read_bio_X509_REQ(bio.get(), nullptr, nullptr, nullptr));
  ERR_clear_error();
  if (!req) return pki_error::bad_pem;
  return req;
}

std::string certificate_to_pem(X509* cert) {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509(bio.get(), cert);
  return drain(bio.get());
}

std::string private_key_to_pem(EVP_PKEY* key) {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
  return drain(bio.get());
}

std::string csr_to_pem(X509_REQ* req) {
  bio_ptr bio(BIO_new(BIO_s_mem()));
  PEM_write_bio_X509_REQ(bio.get(), req);
  return drain(bio.get());
}

boost::system::result<std::string> read_text_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return pki_error::io_failed;
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) return pki_error::io_failed;
  return content.str();
}

boost::system::result<void> write_file_atomically(const std::filesystem::path& path,
                                                  std::string_view content, unsigned mode) {
  if (protocol::write_file_atomically(path, content, mode)) return pki_error::io_failed;
  return {};
}

}  // namespace hubgate::pki::detail
