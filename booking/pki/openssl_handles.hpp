// Owning handles for OpenSSL objects and the PEM/file plumbing shared by booking/pki's
// sources. Internal to booking/pki.
#pragma once
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <boost/system/result.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace hubgate::pki::detail {

struct x509_free {
  void operator()(X509* p) const { X509_free(p); }
};
struct pkey_free {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct req_free {
  void operator()(X509_REQ* p) const { X509_REQ_free(p); }
};
using x509_ptr = std::unique_ptr<X509, x509_free>;
using pkey_ptr = std::unique_ptr<EVP_PKEY, pkey_free>;
using req_ptr = std::unique_ptr<X509_REQ, req_free>;

boost::system::result<pkey_ptr> make_p256_key();

boost::system::result<x509_ptr> parse_certificate_pem(std::string_view pem);
boost::system::result<pkey_ptr> parse_private_key_pem(std::string_view pem);
boost::system::result<req_ptr> parse_csr_pem(std::string_view pem);

std::string certificate_to_pem(X509* cert);
std::string private_key_to_pem(EVP_PKEY* key);
std::string csr_to_pem(X509_REQ* req);

boost::system::result<std::string> read_text_file(const std::filesystem::path& path);
// Writes through a temporary file and a rename, so a crash never leaves half a key; `mode`
// applies from creation on (keys are never readable by others, even briefly).
boost::system::result<void> write_file_atomically(const std::filesystem::path& path,
                                                  std::string_view content, unsigned mode);

// Drains OpenSSL's error queue into one log line at warn level and returns crypto_failed.
boost::system::error_code crypto_error(std::string_view what);

}  // namespace hubgate::pki::detail
