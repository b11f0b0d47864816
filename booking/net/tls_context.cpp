#include "booking/net/tls_context.hpp"

#include <openssl/err.h>
#include <openssl/ssl.h>

#include <stdexcept>
#include <string>

namespace hubgate::net::detail {
namespace {

// TLS 1.2 suites: forward secrecy (ECDHE) and authenticated encryption (GCM, ChaCha20) only.
// TLS 1.3 suites are all AEAD with ECDHE, so OpenSSL's defaults stay.
constexpr const char* tls12_ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

[[noreturn]] void fail(const std::string& what) {
  std::string detail;
  if (const unsigned long code = ERR_get_error()) {
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    detail = std::string(": ") + text;
  }
  ERR_clear_error();
  throw std::runtime_error(what + detail);
}

}  // namespace

boost::asio::ssl::context make_server_tls_context(const server_options& options) {
  boost::asio::ssl::context context(boost::asio::ssl::context::tls_server);
  SSL_CTX* ctx = context.native_handle();
  SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                               SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 |
                               SSL_OP_NO_TLSv1_1);
  if (SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) != 1 ||
      SSL_CTX_set_cipher_list(ctx, tls12_ciphers) != 1 ||
      SSL_CTX_set1_groups_list(ctx, "X25519:P-256:P-384") != 1)
    fail("cannot configure TLS");

  if (SSL_CTX_use_certificate_chain_file(ctx, options.cert_chain_file.c_str()) != 1)
    fail("cannot load TLS certificate chain '" + options.cert_chain_file + "'");
  if (SSL_CTX_use_PrivateKey_file(ctx, options.private_key_file.c_str(), SSL_FILETYPE_PEM) != 1)
    fail("cannot load TLS private key '" + options.private_key_file + "'");
  if (SSL_CTX_check_private_key(ctx) != 1)
    fail("TLS private key '" + options.private_key_file + "' does not match the certificate");

  if (!options.client_ca_file.empty()) {
    if (SSL_CTX_load_verify_locations(ctx, options.client_ca_file.c_str(), nullptr) != 1)
      fail("cannot load client CA '" + options.client_ca_file + "'");
    // Tell clients which CA we accept, so one holding several certificates picks the right one.
    if (STACK_OF(X509_NAME)* names = SSL_load_client_CA_file(options.client_ca_file.c_str()))
      SSL_CTX_set_client_CA_list(ctx, names);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
    // Session resumption across contexts must not skip the certificate check.
    static constexpr unsigned char session_id_context[] = "hubgate-mtls";
    SSL_CTX_set_session_id_context(ctx, session_id_context, sizeof session_id_context - 1);
  }
  return context;
}

}  // namespace hubgate::net::detail
