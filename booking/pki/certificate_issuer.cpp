#include "booking/pki/certificate_issuer.hpp"

#include <arpa/inet.h>
#include <openssl/bn.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include "booking/pki/pki_error.hpp"

namespace hubgate::pki::detail {
namespace {

bool is_ip_literal(const std::string& name) {
  unsigned char buffer[16];
  return ::inet_pton(AF_INET, name.c_str(), buffer) == 1 ||
         ::inet_pton(AF_INET6, name.c_str(), buffer) == 1;
}

bool add_extension(X509* cert, X509V3_CTX* context, int nid, const std::string& value) {
  X509_EXTENSION* extension = X509V3_EXT_conf_nid(nullptr, context, nid, value.c_str());
  if (extension == nullptr) return false;
  const bool ok = X509_add_ext(cert, extension, -1) == 1;
  X509_EXTENSION_free(extension);
  return ok;
}

// 128 random bits, positive: unique enough that two issued certificates never collide.
bool set_random_serial(X509* cert) {
  unsigned char bytes[16];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return false;
  bytes[0] &= 0x7f;
  BIGNUM* number = BN_bin2bn(bytes, sizeof bytes, nullptr);
  if (number == nullptr) return false;
  const bool ok = BN_to_ASN1_INTEGER(number, X509_get_serialNumber(cert)) != nullptr;
  BN_free(number);
  return ok;
}

std::vector<std::pair<int, std::string>> extensions_for(const issue_request& request) {
  std::vector<std::pair<int, std::string>> list;
  switch (request.profile) {
    case certificate_profile::certificate_authority:
      list = {{NID_basic_constraints, "critical,CA:TRUE,pathlen:0"},
              {NID_key_usage, "critical,keyCertSign,cRLSign"},
              {NID_subject_key_identifier, "hash"}};
      break;
    case certificate_profile::tls_server: {
      list = {{NID_basic_constraints, "critical,CA:FALSE"},
              {NID_key_usage, "critical,digitalSignature"},
              {NID_ext_key_usage, "serverAuth"},
              {NID_subject_key_identifier, "hash"},
              {NID_authority_key_identifier, "keyid:always"}};
      std::string names;
      for (const auto& name : request.alt_names) {
        if (!names.empty()) names += ',';
        names += (is_ip_literal(name) ? "IP:" : "DNS:") + name;
      }
      if (!names.empty()) list.emplace_back(NID_subject_alt_name, names);
      break;
    }
    case certificate_profile::tls_client:
      list = {{NID_basic_constraints, "critical,CA:FALSE"},
              {NID_key_usage, "critical,digitalSignature"},
              {NID_ext_key_usage, "clientAuth"},
              {NID_subject_key_identifier, "hash"},
              {NID_authority_key_identifier, "keyid:always"}};
      break;
  }
  return list;
}

}  // namespace

boost::system::result<x509_ptr> issue_certificate(const issue_request& request) {
  if (request.subject_key == nullptr || request.common_name.empty() || request.days <= 0 ||
      (request.issuer == nullptr) != (request.issuer_key == nullptr))
    return pki_error::invalid_argument;
  x509_ptr cert(X509_new());
  if (!cert || X509_set_version(cert.get(), X509_VERSION_3) != 1 || !set_random_serial(cert.get()))
    return crypto_error("certificate setup");

  // Back-dated an hour so a peer whose clock lags slightly still accepts it.
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_time_adj_ex(X509_getm_notAfter(cert.get()), request.days, 0, nullptr);

  X509_NAME* subject = X509_get_subject_name(cert.get());
  if (X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8,
                                 reinterpret_cast<const unsigned char*>("Hubgate"), -1, -1,
                                 0) != 1 ||
      X509_NAME_add_entry_by_txt(
          subject, "CN", MBSTRING_UTF8,
          reinterpret_cast<const unsigned char*>(request.common_name.c_str()), -1, -1, 0) != 1)
    return crypto_error("certificate subject");

  X509* issuer = request.issuer != nullptr ? request.issuer : cert.get();
  EVP_PKEY* signing_key = request.issuer_key != nullptr ? request.issuer_key : request.subject_key;
  if (X509_set_issuer_name(cert.get(), X509_get_subject_name(issuer)) != 1 ||
      X509_set_pubkey(cert.get(), request.subject_key) != 1)
    return crypto_error("certificate issuer");

  X509V3_CTX context;
  X509V3_set_ctx(&context, issuer, cert.get(), nullptr, nullptr, 0);
  for (const auto& [nid, value] : extensions_for(request))
    if (!add_extension(cert.get(), &context, nid, value))
      return crypto_error("certificate extension");

  if (X509_sign(cert.get(), signing_key, EVP_sha256()) <= 0)
    return crypto_error("certificate signing");
  return cert;
}

}  // namespace hubgate::pki::detail
