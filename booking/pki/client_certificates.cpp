// sign_csr and make_key_and_csr: the two halves of controller enrolment.
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/x509.h>

#include "booking/pki/certificate_issuer.hpp"
#include "booking/pki/openssl_handles.hpp"
#include "booking/pki/pki_error.hpp"
#include "booking/pki/tls_material.hpp"

namespace hubgate::pki {

namespace {

// Boards make P-256 keys (make_key_and_csr) and may use Ed25519; anything else (RSA, weak or
// exotic curves) is refused rather than certified for the controllers' port.
bool is_accepted_key(EVP_PKEY* key) {
  if (EVP_PKEY_get_base_id(key) == EVP_PKEY_ED25519) return true;
  if (EVP_PKEY_get_base_id(key) != EVP_PKEY_EC) return false;
  char group[64] = {};
  std::size_t length = 0;
  if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof group,
                                     &length) != 1) {
    ERR_clear_error();
    return false;
  }
  return std::string_view(group, length) == SN_X9_62_prime256v1;
}

}  // namespace

boost::system::result<std::string> sign_csr(const certificate_authority& ca,
                                            std::string_view csr_pem, std::string_view common_name,
                                            int days) {
  if (common_name.empty() || days <= 0) return pki_error::invalid_argument;
  auto csr = detail::parse_csr_pem(csr_pem);
  if (!csr) return csr.error();
  EVP_PKEY* csr_key = X509_REQ_get0_pubkey(csr->get());
  if (csr_key == nullptr) return pki_error::bad_pem;
  // Proof of possession: whoever sent the CSR holds the private key it certifies.
  if (X509_REQ_verify(csr->get(), csr_key) != 1) {
    ERR_clear_error();
    return pki_error::bad_csr_signature;
  }
  if (!is_accepted_key(csr_key)) return pki_error::unsupported_key_type;

  auto ca_cert_pem = detail::read_text_file(ca.certificate);
  if (!ca_cert_pem) return ca_cert_pem.error();
  auto ca_key_pem = detail::read_text_file(ca.private_key);
  if (!ca_key_pem) return ca_key_pem.error();
  auto ca_cert = detail::parse_certificate_pem(*ca_cert_pem);
  if (!ca_cert) return ca_cert.error();
  auto ca_key = detail::parse_private_key_pem(*ca_key_pem);
  if (!ca_key) return ca_key.error();

  auto cert = detail::issue_certificate({.profile = detail::certificate_profile::tls_client,
                                         .subject_key = csr_key,
                                         .common_name = std::string(common_name),
                                         .issuer = ca_cert->get(),
                                         .issuer_key = ca_key->get(),
                                         .days = days});
  if (!cert) return cert.error();
  return detail::certificate_to_pem(cert->get());
}

boost::system::result<key_and_csr> make_key_and_csr(std::string_view common_name) {
  if (common_name.empty()) return pki_error::invalid_argument;
  auto key = detail::make_p256_key();
  if (!key) return key.error();
  detail::req_ptr req(X509_REQ_new());
  if (!req) return detail::crypto_error("CSR allocation");
  const std::string cn(common_name);
  X509_NAME* subject = X509_REQ_get_subject_name(req.get());
  if (X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1,
                                 0) != 1 ||
      X509_REQ_set_pubkey(req.get(), key->get()) != 1 ||
      X509_REQ_sign(req.get(), key->get(), EVP_sha256()) <= 0)
    return detail::crypto_error("CSR creation");
  return key_and_csr{detail::private_key_to_pem(key->get()), detail::csr_to_pem(req.get())};
}

}  // namespace hubgate::pki
