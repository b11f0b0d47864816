// The service's own TLS material: its private CA (which boards pin at enrolment) and the
// certificate it signs for the controller port, and for the public port unless the operator
// gives one with --tls-cert. The certificate names every address the service listens on and
// is renewed before it expires.
#pragma once
#include <string>
#include <vector>

#include "booking/app/serve_options.hpp"
#include "booking/pki/tls_material.hpp"

namespace hubgate::app {

struct service_tls {
  pki::server_tls_paths own;
  std::vector<std::string> names;  // what the own certificate must name
  std::string ca_pem;              // handed to boards at enrolment
  std::string ca_hash;             // "sha256:<hex>", what boards pin
  bool public_uses_own = true;     // false with --tls-cert
};

// Makes the CA and certificate on first start, renews the certificate when due. Throws
// std::runtime_error naming what could not be made.
service_tls prepare_service_tls(const serve_options& options);

// Renews the own certificate when it expires within the renewal window or lacks a name.
// True when a new one was written (the servers using it must reload). Failures are logged.
bool renew_service_tls(const service_tls& tls);

}  // namespace hubgate::app
