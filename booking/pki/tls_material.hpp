// TLS material of the booking service: a private CA made on first start, the server
// certificate it signs, and client certificates for enrolled door controllers.
#pragma once
#include <boost/system/result.hpp>
#include <chrono>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::pki {

// Where ensure_server_tls keeps its files (all PEM) under DIR/tls.
struct server_tls_paths {
  std::filesystem::path ca_certificate;     // ca.pem: give it to clients to trust
  std::filesystem::path ca_private_key;     // ca.key, mode 0600: signs server and controller certs
  std::filesystem::path certificate_chain;  // server.pem: server certificate then the CA
  std::filesystem::path private_key;        // server.key, mode 0600
};

// When DIR/tls has no server certificate, makes a private CA (EC P-256, ~10 years) and a
// server certificate (EC P-256, ~1 year, serverAuth) for `names` (DNS names or IP literals,
// each a subjectAltName) signed by it; otherwise reuses what is there (an existing CA is kept
// and only a missing server certificate is re-issued). Creates DIR/tls with mode 0700.
boost::system::result<server_tls_paths> ensure_server_tls(const std::filesystem::path& dir,
                                                          const std::vector<std::string>& names = {
                                                              "localhost", "127.0.0.1", "::1"});

// When the server certificate is renewed: before it expires and whenever it lacks a name.
struct server_tls_renewal {
  std::chrono::days renew_within{30};  // re-issue when it expires sooner than this
};

// Re-issues the server certificate of ensure_server_tls's `paths` from the same CA (boards pin
// the CA, so it stays) when it expires within policy.renew_within or does not cover every one
// of `names`. `renewed` means a new certificate and key were written (a running server then
// reloads them).
enum class renewal { kept, renewed };
boost::system::result<renewal> renew_server_certificate(const server_tls_paths& paths,
                                                        const std::vector<std::string>& names,
                                                        server_tls_renewal policy = {});

// Lower-case hex SHA-256 of the DER encoding of the (first) certificate in a PEM file: the
// `ca_hash` a controller pins on enrolment.
boost::system::result<std::string> ca_sha256(const std::filesystem::path& ca_pem);

// Same, for a PEM certificate held in memory.
boost::system::result<std::string> certificate_sha256(std::string_view certificate_pem);

// Lower-case hex SHA-256 of arbitrary bytes (e.g. a certificate's DER).
std::string sha256_hex(std::string_view bytes);

struct certificate_authority {
  std::filesystem::path certificate;  // PEM
  std::filesystem::path private_key;  // PEM
};

// Signs a PEM CSR (its signature is checked) as a client certificate (clientAuth EKU) with the
// subject CN `common_name` (the CSR's own subject is ignored), valid for `days` from now.
// Returns the certificate as PEM.
boost::system::result<std::string> sign_csr(const certificate_authority& ca,
                                            std::string_view csr_pem, std::string_view common_name,
                                            int days);

// A fresh EC P-256 key and a CSR for it, both PEM: what a controller (or a test) sends to
// sign_csr.
struct key_and_csr {
  std::string private_key_pem;
  std::string csr_pem;
};
boost::system::result<key_and_csr> make_key_and_csr(std::string_view common_name);

}  // namespace hubgate::pki
