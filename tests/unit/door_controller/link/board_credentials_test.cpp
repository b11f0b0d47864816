#include "door_controller/link/board_credentials.hpp"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include "door_controller/link/enrolment.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::door {
namespace {

TEST(board_credentials, csr_is_self_signed_by_a_fresh_p256_key) {
  auto made = make_board_key("hubgate-door");
  ASSERT_TRUE(made);
  EXPECT_NE(made->private_key_pem.find("BEGIN PRIVATE KEY"), std::string::npos);
  BIO* in = BIO_new_mem_buf(made->csr_pem.data(), static_cast<int>(made->csr_pem.size()));
  X509_REQ* req = PEM_read_bio_X509_REQ(in, nullptr, nullptr, nullptr);
  BIO_free(in);
  ASSERT_NE(req, nullptr);
  EVP_PKEY* key = X509_REQ_get0_pubkey(req);
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(EVP_PKEY_get_bits(key), 256);
  EXPECT_TRUE(EVP_PKEY_is_a(key, "EC"));
  EXPECT_EQ(X509_REQ_verify(req, key), 1);
  X509_REQ_free(req);

  auto other = make_board_key("hubgate-door");
  ASSERT_TRUE(other);
  EXPECT_NE(other->private_key_pem, made->private_key_pem);
}

TEST(board_credentials, fingerprint_is_sha256_of_the_der) {
  // A throwaway self-signed certificate made here, hashed independently.
  EVP_PKEY* key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 7);
  X509_gmtime_adj(X509_getm_notBefore(cert), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, key);
  X509_sign(cert, key, EVP_sha256());
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(out, cert);
  char* data = nullptr;
  const long n = BIO_get_mem_data(out, &data);
  const std::string pem(data, static_cast<std::size_t>(n));
  unsigned char md[32];
  unsigned int md_length = 0;
  X509_digest(cert, EVP_sha256(), md, &md_length);
  std::string expected;
  for (unsigned i = 0; i < md_length; ++i) {
    char hex[3];
    std::snprintf(hex, sizeof hex, "%02x", md[i]);
    expected += hex;
  }
  BIO_free(out);
  X509_free(cert);
  EVP_PKEY_free(key);

  auto fp = certificate_fingerprint(pem);
  ASSERT_TRUE(fp);
  EXPECT_EQ(*fp, expected);
  EXPECT_FALSE(certificate_fingerprint("not a certificate"));
}

TEST(enrolment, refuses_bad_arguments_before_contacting_anyone) {
  test::temp_dir dir("hubgate-enrol");
  enroll_request r{"http://127.0.0.1:1", "t", "sha256:" + std::string(64, 'a'), dir.path()};
  auto plain = enroll(r);
  ASSERT_FALSE(plain);
  EXPECT_NE(plain.error().message.find("https"), std::string::npos);
  r.service_url = "https://127.0.0.1:1";
  r.ca_hash = "md5:abc";
  auto bad_hash = enroll(r);
  ASSERT_FALSE(bad_hash);
  EXPECT_NE(bad_hash.error().message.find("--ca-hash"), std::string::npos);
  EXPECT_FALSE(std::filesystem::exists(enrolment_paths_in(dir.path()).dir));
  EXPECT_FALSE(load_enrolment(dir.path()));
}

}  // namespace
}  // namespace hubgate::door
