// TLS policy of booking/net: protocol versions (driven with OpenSSL directly, since our own
// client refuses old versions) and mandatory client certificates.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>

#include "booking/pki/tls_material.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "net_test_server.hpp"

namespace {

using hubgate::test::client_options;
using hubgate::test::parse_json;
using hubgate::test::running_server;
using hubgate::test::stub_handler;
using hubgate::test::test_server_options;
using hubgate::test::test_tls;

int connect_tcp(std::uint16_t port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(port);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  timeval tv{30, 0};  // a bound on a stuck handshake, not a synchronisation
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

// Handshakes with exactly `version`; returns the negotiated version or 0 on refusal.
int handshake_with(std::uint16_t port, int version) {
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_min_proto_version(ctx, version);
  SSL_CTX_set_max_proto_version(ctx, version);
  // Level 0 lets this client offer the legacy versions at all: the refusal must be the server's.
  SSL_CTX_set_security_level(ctx, 0);
  SSL_CTX_set_cipher_list(ctx, "ALL:@SECLEVEL=0");
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  SSL* ssl = SSL_new(ctx);
  const int fd = connect_tcp(port);
  int negotiated = 0;
  if (fd >= 0) {
    SSL_set_fd(ssl, fd);
    if (SSL_connect(ssl) == 1) negotiated = SSL_version(ssl);
    ::close(fd);
  }
  ERR_clear_error();
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  return negotiated;
}

TEST(net_tls, legacy_tls_versions_are_refused) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  EXPECT_EQ(handshake_with(server.port(), TLS1_VERSION), 0);
  EXPECT_EQ(handshake_with(server.port(), TLS1_1_VERSION), 0);
}

TEST(net_tls, tls12_and_tls13_are_accepted) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  EXPECT_EQ(handshake_with(server.port(), TLS1_2_VERSION), TLS1_2_VERSION);
  EXPECT_EQ(handshake_with(server.port(), TLS1_3_VERSION), TLS1_3_VERSION);
}

TEST(net_tls, tls12_negotiates_ecdhe_with_an_aead_cipher) {
  stub_handler handler;
  running_server server(test_server_options(), handler);
  SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
  SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
  SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
  SSL* ssl = SSL_new(ctx);
  const int fd = connect_tcp(server.port());
  ASSERT_GE(fd, 0);
  SSL_set_fd(ssl, fd);
  ASSERT_EQ(SSL_connect(ssl), 1);
  const std::string cipher = SSL_get_cipher_name(ssl);
  EXPECT_TRUE(cipher.starts_with("ECDHE-")) << cipher;
  EXPECT_TRUE(cipher.find("GCM") != std::string::npos ||
              cipher.find("CHACHA20") != std::string::npos)
      << cipher;
  EXPECT_EQ(SSL_get_current_compression(ssl), nullptr);
  ::close(fd);
  SSL_free(ssl);
  SSL_CTX_free(ctx);
}

class net_mutual_tls : public ::testing::Test {
 protected:
  void SetUp() override {
    auto options = test_server_options();
    options.client_ca_file = test_tls().ca_certificate.string();
    server_.emplace(options, handler_);
  }

  // A client certificate signed by `ca`, written to files for the client.
  hubgate::client::https_client_options with_certificate(
      const hubgate::pki::certificate_authority& ca) {
    auto request = hubgate::pki::make_key_and_csr("door-1");
    EXPECT_TRUE(request);
    auto cert = hubgate::pki::sign_csr(ca, request->csr_pem, "door-1", 1);
    EXPECT_TRUE(cert);
    cert_pem_ = *cert;
    std::ofstream(dir_ / "client.pem") << *cert;
    std::ofstream(dir_ / "client.key") << request->private_key_pem;
    auto options = client_options(server_->port());
    options.client_cert_file = dir_ / "client.pem";
    options.client_key_file = dir_ / "client.key";
    return options;
  }

  hubgate::test::temp_dir dir_;
  stub_handler handler_;
  std::optional<running_server> server_;
  std::string cert_pem_;
};

TEST_F(net_mutual_tls, client_without_certificate_gets_no_application_data) {
  hubgate::client::https_client client(client_options(server_->port()));
  auto r = client.try_request("GET", "/x");
  EXPECT_FALSE(r);
  EXPECT_EQ(handler_.calls.load(), 0);
}

TEST_F(net_mutual_tls, certificate_from_the_ca_is_accepted_and_its_hash_reaches_the_handler) {
  hubgate::client::https_client client(
      with_certificate({test_tls().ca_certificate, test_tls().ca_private_key}));
  auto r = client.request("GET", "/x");
  ASSERT_EQ(r.status, 200);
  auto expected = hubgate::pki::certificate_sha256(cert_pem_);
  ASSERT_TRUE(expected);
  EXPECT_EQ(parse_json(r.body).at("client_cert_sha256").as_string(), *expected);
}

TEST_F(net_mutual_tls, certificate_from_another_ca_is_refused) {
  hubgate::test::temp_dir other;
  auto other_tls = hubgate::pki::ensure_server_tls(other.path());
  ASSERT_TRUE(other_tls);
  hubgate::client::https_client client(
      with_certificate({other_tls->ca_certificate, other_tls->ca_private_key}));
  EXPECT_FALSE(client.try_request("GET", "/x"));
  EXPECT_EQ(handler_.calls.load(), 0);
}

}  // namespace
