#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <string>

#include "booking/pki/pki_error.hpp"
#include "booking/pki/tls_material.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace {

struct x509_deleter {
  void operator()(X509* p) const { X509_free(p); }
};
using x509_ptr = std::unique_ptr<X509, x509_deleter>;

x509_ptr parse(const std::string& pem) {
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  x509_ptr cert(PEM_read_bio_X509(bio, nullptr, nullptr, nullptr));
  BIO_free(bio);
  return cert;
}

std::string common_name(X509* cert) {
  char buffer[256] = {};
  X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, buffer, sizeof buffer);
  return buffer;
}

// A CSR signed by a fresh key of the given kind ("RSA", "ED25519"), made with OpenSSL directly.
std::string csr_with_key(const char* kind) {
  EVP_PKEY* key = std::string_view(kind) == "RSA" ? EVP_RSA_gen(2048)
                                                  : EVP_PKEY_Q_keygen(nullptr, nullptr, kind);
  X509_REQ* req = X509_REQ_new();
  X509_NAME_add_entry_by_txt(X509_REQ_get_subject_name(req), "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("c"), -1, -1, 0);
  X509_REQ_set_pubkey(req, key);
  const bool ed = std::string_view(kind) == "ED25519";
  X509_REQ_sign(req, key, ed ? nullptr : EVP_sha256());
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_X509_REQ(bio, req);
  char* data = nullptr;
  const long n = BIO_get_mem_data(bio, &data);
  std::string pem(data, static_cast<std::size_t>(n));
  BIO_free(bio);
  X509_REQ_free(req);
  EVP_PKEY_free(key);
  return pem;
}

class pki_sign_csr : public ::testing::Test {
 protected:
  void SetUp() override {
    auto paths = hubgate::pki::ensure_server_tls(dir_.path());
    ASSERT_TRUE(paths);
    ca_ = {paths->ca_certificate, paths->ca_private_key};
  }
  hubgate::test::temp_dir dir_;
  hubgate::pki::certificate_authority ca_;
};

TEST_F(pki_sign_csr, issues_a_client_certificate_from_the_ca) {
  auto request = hubgate::pki::make_key_and_csr("ignored-subject");
  ASSERT_TRUE(request);
  auto pem = hubgate::pki::sign_csr(ca_, request->csr_pem, "controller-7", 30);
  ASSERT_TRUE(pem) << pem.error().message();
  auto cert = parse(*pem);
  ASSERT_TRUE(cert);
  auto ca = parse(hubgate::test::read_file(ca_.certificate.string()));
  ASSERT_TRUE(ca);

  EXPECT_EQ(common_name(cert.get()), "controller-7");
  EXPECT_EQ(X509_verify(cert.get(), X509_get0_pubkey(ca.get())), 1);
  EXPECT_EQ(X509_check_issued(ca.get(), cert.get()), X509_V_OK);
  EXPECT_TRUE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT);
  EXPECT_FALSE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_SERVER);
  EXPECT_EQ(X509_check_ca(cert.get()), 0);

  // The certificate carries the CSR's key: it matches the private key kept by the requester.
  BIO* bio = BIO_new_mem_buf(request->private_key_pem.data(),
                             static_cast<int>(request->private_key_pem.size()));
  EVP_PKEY* key = PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr);
  BIO_free(bio);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(X509_check_private_key(cert.get(), key), 1);
  EVP_PKEY_free(key);

  int days = 0, seconds = 0;
  ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(cert.get())), 1);
  EXPECT_GE(days, 29);
  EXPECT_LE(days, 30);
}

TEST_F(pki_sign_csr, two_certificates_have_different_serials) {
  auto a = hubgate::pki::make_key_and_csr("a");
  auto b = hubgate::pki::make_key_and_csr("b");
  ASSERT_TRUE(a && b);
  auto ca_pem = hubgate::pki::sign_csr(ca_, a->csr_pem, "a", 1);
  auto cb_pem = hubgate::pki::sign_csr(ca_, b->csr_pem, "b", 1);
  ASSERT_TRUE(ca_pem && cb_pem);
  auto ca = parse(*ca_pem), cb = parse(*cb_pem);
  EXPECT_NE(ASN1_INTEGER_cmp(X509_get0_serialNumber(ca.get()), X509_get0_serialNumber(cb.get())),
            0);
}

TEST_F(pki_sign_csr, rejects_a_csr_whose_signature_does_not_match) {
  auto request = hubgate::pki::make_key_and_csr("c");
  ASSERT_TRUE(request);
  // Flip one character inside the base64 body near the end, where the signature lives.
  std::string tampered = request->csr_pem;
  const auto end_marker = tampered.find("-----END");
  ASSERT_NE(end_marker, std::string::npos);
  std::size_t pos = end_marker - 8;
  tampered[pos] = tampered[pos] == 'A' ? 'B' : 'A';
  auto pem = hubgate::pki::sign_csr(ca_, tampered, "c", 1);
  ASSERT_FALSE(pem);
  EXPECT_TRUE(pem.error() == hubgate::pki::pki_error::bad_csr_signature ||
              pem.error() == hubgate::pki::pki_error::bad_pem)
      << pem.error().message();
}

TEST_F(pki_sign_csr, rejects_garbage_and_bad_arguments) {
  EXPECT_EQ(hubgate::pki::sign_csr(ca_, "not a csr", "x", 1).error(),
            hubgate::pki::pki_error::bad_pem);
  auto request = hubgate::pki::make_key_and_csr("d");
  ASSERT_TRUE(request);
  EXPECT_EQ(hubgate::pki::sign_csr(ca_, request->csr_pem, "", 1).error(),
            hubgate::pki::pki_error::invalid_argument);
  EXPECT_EQ(hubgate::pki::sign_csr(ca_, request->csr_pem, "d", 0).error(),
            hubgate::pki::pki_error::invalid_argument);
  hubgate::pki::certificate_authority missing{dir_.path() / "none.pem", dir_.path() / "none.key"};
  EXPECT_EQ(hubgate::pki::sign_csr(missing, request->csr_pem, "d", 1).error(),
            hubgate::pki::pki_error::io_failed);
}

TEST_F(pki_sign_csr, refuses_a_csr_with_an_rsa_key) {
  auto pem = hubgate::pki::sign_csr(ca_, csr_with_key("RSA"), "c", 1);
  ASSERT_FALSE(pem);
  EXPECT_EQ(pem.error(), hubgate::pki::pki_error::unsupported_key_type) << pem.error().message();
}

TEST_F(pki_sign_csr, accepts_p256_and_ed25519_keys) {
  auto request = hubgate::pki::make_key_and_csr("c");
  ASSERT_TRUE(request);
  EXPECT_TRUE(hubgate::pki::sign_csr(ca_, request->csr_pem, "c", 1));
  auto ed = hubgate::pki::sign_csr(ca_, csr_with_key("ED25519"), "c", 1);
  EXPECT_TRUE(ed) << ed.error().message();
}

}  // namespace
