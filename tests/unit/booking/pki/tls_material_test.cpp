#include "booking/pki/tls_material.hpp"

#include <gtest/gtest.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using hubgate::test::read_file;

struct x509_deleter {
  void operator()(X509* p) const { X509_free(p); }
};
using x509_ptr = std::unique_ptr<X509, x509_deleter>;

std::vector<x509_ptr> read_certificates(const std::string& pem) {
  std::vector<x509_ptr> certs;
  BIO* bio = BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size()));
  while (X509* cert = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr)) certs.emplace_back(cert);
  BIO_free(bio);
  return certs;
}

// The subjectAltName entries as "DNS:x" / "IP:x" strings.
std::vector<std::string> alt_names(X509* cert) {
  std::vector<std::string> names;
  auto* gens =
      static_cast<GENERAL_NAMES*>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  for (int i = 0; gens != nullptr && i < sk_GENERAL_NAME_num(gens); ++i) {
    const GENERAL_NAME* gen = sk_GENERAL_NAME_value(gens, i);
    if (gen->type == GEN_DNS) {
      names.push_back(
          "DNS:" + std::string(reinterpret_cast<const char*>(ASN1_STRING_get0_data(gen->d.dNSName)),
                               ASN1_STRING_length(gen->d.dNSName)));
    } else if (gen->type == GEN_IPADD) {
      const int len = ASN1_STRING_length(gen->d.iPAddress);
      names.push_back(len == 4 ? "IP:v4" : len == 16 ? "IP:v6" : "IP:?");
    }
  }
  GENERAL_NAMES_free(gens);
  return names;
}

TEST(pki_ensure_server_tls, creates_ca_and_server_certificate_with_sans) {
  hubgate::test::temp_dir dir;
  auto paths = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(paths) << paths.error().message();
  EXPECT_EQ(paths->ca_certificate, dir.path() / "tls" / "ca.pem");

  const auto key_perms = fs::status(paths->ca_private_key).permissions();
  EXPECT_EQ(key_perms & (fs::perms::group_all | fs::perms::others_all), fs::perms::none);
  EXPECT_EQ(
      fs::status(paths->private_key).permissions() & (fs::perms::group_all | fs::perms::others_all),
      fs::perms::none);

  auto chain = read_certificates(read_file(paths->certificate_chain.string()));
  auto ca = read_certificates(read_file(paths->ca_certificate.string()));
  ASSERT_EQ(chain.size(), 2u);
  ASSERT_EQ(ca.size(), 1u);
  EXPECT_EQ(X509_cmp(chain[1].get(), ca[0].get()), 0) << "chain carries the CA second";

  const auto names = alt_names(chain[0].get());
  EXPECT_EQ(names, (std::vector<std::string>{"DNS:localhost", "IP:v4", "IP:v6"}));
  EXPECT_TRUE(X509_get_extended_key_usage(chain[0].get()) & XKU_SSL_SERVER);
  EXPECT_EQ(X509_check_ca(chain[0].get()), 0);
  EXPECT_NE(X509_check_ca(ca[0].get()), 0);
  EXPECT_EQ(X509_check_host(chain[0].get(), "localhost", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(chain[0].get(), "127.0.0.1", 0), 1);
  EXPECT_EQ(X509_check_ip_asc(chain[0].get(), "::1", 0), 1);
  EXPECT_NE(X509_check_host(chain[0].get(), "example.org", 0, 0, nullptr), 1);

  // Signed by the CA, and the CA is self-signed.
  EXPECT_EQ(X509_verify(chain[0].get(), X509_get0_pubkey(ca[0].get())), 1);
  EXPECT_EQ(X509_verify(ca[0].get(), X509_get0_pubkey(ca[0].get())), 1);

  // Validity: the CA for years, the server certificate for about a year.
  int days = 0, seconds = 0;
  ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(ca[0].get())), 1);
  EXPECT_GT(days, 9 * 365);
  ASSERT_EQ(ASN1_TIME_diff(&days, &seconds, nullptr, X509_get0_notAfter(chain[0].get())), 1);
  EXPECT_GT(days, 360);
  EXPECT_LT(days, 400);
}

TEST(pki_ensure_server_tls, reuses_existing_material_on_second_call) {
  hubgate::test::temp_dir dir;
  auto first = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(first);
  const auto ca_before = read_file(first->ca_certificate.string());
  const auto chain_before = read_file(first->certificate_chain.string());
  auto second = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(second);
  EXPECT_EQ(read_file(second->ca_certificate.string()), ca_before);
  EXPECT_EQ(read_file(second->certificate_chain.string()), chain_before);
}

TEST(pki_ensure_server_tls, keeps_the_ca_when_only_the_server_certificate_is_missing) {
  hubgate::test::temp_dir dir;
  auto first = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(first);
  const auto ca_before = read_file(first->ca_certificate.string());
  const auto chain_before = read_file(first->certificate_chain.string());
  fs::remove(first->certificate_chain);
  auto second = hubgate::pki::ensure_server_tls(dir.path(), {"hub.example", "10.0.0.7"});
  ASSERT_TRUE(second);
  EXPECT_EQ(read_file(second->ca_certificate.string()), ca_before);
  const auto chain_after = read_file(second->certificate_chain.string());
  EXPECT_NE(chain_after, chain_before);
  auto chain = read_certificates(chain_after);
  ASSERT_FALSE(chain.empty());
  EXPECT_EQ(X509_check_host(chain[0].get(), "hub.example", 0, 0, nullptr), 1);
  EXPECT_EQ(X509_check_ip_asc(chain[0].get(), "10.0.0.7", 0), 1);
}

TEST(pki_renew_server_certificate, keeps_a_certificate_that_is_good_for_long_enough) {
  hubgate::test::temp_dir dir;
  auto paths = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(paths);
  const auto chain_before = read_file(paths->certificate_chain.string());
  auto renewed = hubgate::pki::renew_server_certificate(*paths, {"localhost", "127.0.0.1"});
  ASSERT_TRUE(renewed) << renewed.error().message();
  EXPECT_EQ(*renewed, hubgate::pki::renewal::kept);
  EXPECT_EQ(read_file(paths->certificate_chain.string()), chain_before);
}

TEST(pki_renew_server_certificate, reissues_one_that_expires_within_the_window_under_the_same_ca) {
  hubgate::test::temp_dir dir;
  auto paths = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(paths);
  const auto ca_before = read_file(paths->ca_certificate.string());
  const auto chain_before = read_file(paths->certificate_chain.string());
  const auto key_before = read_file(paths->private_key.string());
  // A year's certificate is "about to expire" for a window longer than a year.
  auto renewed = hubgate::pki::renew_server_certificate(*paths, {"localhost"},
                                                        {.renew_within = std::chrono::days{400}});
  ASSERT_TRUE(renewed) << renewed.error().message();
  EXPECT_EQ(*renewed, hubgate::pki::renewal::renewed);
  EXPECT_EQ(read_file(paths->ca_certificate.string()), ca_before);
  EXPECT_NE(read_file(paths->certificate_chain.string()), chain_before);
  EXPECT_NE(read_file(paths->private_key.string()), key_before);
  auto chain = read_certificates(read_file(paths->certificate_chain.string()));
  auto ca = read_certificates(ca_before);
  ASSERT_FALSE(chain.empty());
  ASSERT_FALSE(ca.empty());
  EXPECT_EQ(X509_check_issued(ca[0].get(), chain[0].get()), X509_V_OK);
}

TEST(pki_renew_server_certificate, reissues_one_that_lacks_a_name_the_service_now_answers_to) {
  hubgate::test::temp_dir dir;
  auto paths = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(paths);
  auto renewed = hubgate::pki::renew_server_certificate(*paths, {"localhost", "hub.example"});
  ASSERT_TRUE(renewed) << renewed.error().message();
  EXPECT_EQ(*renewed, hubgate::pki::renewal::renewed);
  auto chain = read_certificates(read_file(paths->certificate_chain.string()));
  ASSERT_FALSE(chain.empty());
  EXPECT_EQ(X509_check_host(chain[0].get(), "hub.example", 0, 0, nullptr), 1);
}

TEST(pki_ensure_server_tls, refuses_names_that_would_inject_extensions) {
  hubgate::test::temp_dir dir;
  auto paths = hubgate::pki::ensure_server_tls(dir.path(), {"localhost,DNS:evil.example"});
  EXPECT_FALSE(paths);
}

TEST(pki_ca_sha256, is_the_sha256_of_the_der_encoding) {
  hubgate::test::temp_dir dir;
  auto paths = hubgate::pki::ensure_server_tls(dir.path());
  ASSERT_TRUE(paths);
  auto hash = hubgate::pki::ca_sha256(paths->ca_certificate);
  ASSERT_TRUE(hash) << hash.error().message();
  EXPECT_EQ(hash->size(), 64u);
  EXPECT_EQ(hash->find_first_not_of("0123456789abcdef"), std::string::npos);

  auto ca = read_certificates(read_file(paths->ca_certificate.string()));
  ASSERT_EQ(ca.size(), 1u);
  unsigned char digest[32];
  unsigned int length = sizeof digest;
  ASSERT_EQ(X509_digest(ca[0].get(), EVP_sha256(), digest, &length), 1);
  std::string expected;
  for (unsigned int i = 0; i < length; ++i) {
    static constexpr char hex[] = "0123456789abcdef";
    expected += hex[digest[i] >> 4];
    expected += hex[digest[i] & 15];
  }
  EXPECT_EQ(*hash, expected);
}

TEST(pki_ca_sha256, fails_on_missing_or_garbage_files) {
  hubgate::test::temp_dir dir;
  EXPECT_FALSE(hubgate::pki::ca_sha256(dir.path() / "absent.pem"));
  EXPECT_FALSE(hubgate::pki::certificate_sha256(
      "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
}

TEST(pki_sha256_hex, matches_a_known_vector) {
  EXPECT_EQ(hubgate::pki::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
