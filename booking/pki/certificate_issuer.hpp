// Issues X.509 v3 certificates (CA, server and client profiles) for booking/pki. Internal.
#pragma once
#include <string>
#include <vector>

#include "booking/pki/openssl_handles.hpp"

namespace hubgate::pki::detail {

enum class certificate_profile { certificate_authority, tls_server, tls_client };

struct issue_request {
  certificate_profile profile = certificate_profile::tls_client;
  EVP_PKEY* subject_key = nullptr;  // the public half goes into the certificate
  std::string common_name;
  std::vector<std::string> alt_names;  // DNS names or IP literals (tls_server)
  X509* issuer = nullptr;              // null: self-signed with subject_key
  EVP_PKEY* issuer_key = nullptr;
  int days = 365;
};

boost::system::result<x509_ptr> issue_certificate(const issue_request& request);

}  // namespace hubgate::pki::detail
