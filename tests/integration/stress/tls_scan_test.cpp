// Debian's testssl.sh against the service's TLS ports (the public port, and the controller
// port with an enrolled board's client certificate, as it asks for mutual TLS): no finding of
// severity HIGH or CRITICAL (except the private CA's lack of CRL/OCSP URLs, which a private CA has
// by design), only TLS 1.2 and 1.3 offered, and only forward-secret AEAD cipher suites.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <boost/json/parse.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "link_rig.hpp"

namespace hubgate::stress {
namespace {

constexpr const char* testssl = "/usr/bin/testssl";

// Findings testssl reports for every private CA: revocation URLs are for public PKI.
const std::set<std::string> accepted_findings = {"cert_revocation"};

struct scan_result {
  boost::json::array findings;
  std::string output;
  double seconds = 0;
};

// The narrowest run that still answers our questions: protocols (-p), server defaults and
// certificate (-S), cipher preference (-P), forward secrecy (-f), each cipher per protocol
// (-E) and the known vulnerabilities (-U).
// `client_pem` (certificate and key in one PEM) is presented when the port asks for one.
scan_result scan(int port, const std::string& ca_file, const std::string& work_dir,
                 const std::string& client_pem) {
  const auto json = work_dir + "/testssl-" + std::to_string(port) + ".json";
  std::filesystem::remove(json);
  const auto started = std::chrono::steady_clock::now();
  std::vector<std::string> argv = {testssl,
                                   "--quiet",
                                   "--color",
                                   "0",
                                   "--warnings",
                                   "off",
                                   "--add-ca",
                                   ca_file,
                                   "--ip",
                                   "127.0.0.1",
                                   "--connect-timeout",
                                   "10",
                                   "--openssl-timeout",
                                   "10"};
  if (!client_pem.empty()) {
    // Debian's testssl (3.0) has no --mtls: its openssl runs go through a wrapper that adds
    // the client certificate to every s_client handshake (its raw-socket probes need none).
    const auto wrapper = work_dir + "/openssl-with-client-cert";
    {
      std::ofstream out(wrapper, std::ios::trunc);
      out << "#!/bin/sh\nif [ \"$1\" = s_client ]; then shift; exec /usr/bin/openssl s_client "
             "-cert '"
          << client_pem << "' \"$@\"; fi\nexec /usr/bin/openssl \"$@\"\n";
    }
    std::filesystem::permissions(wrapper, std::filesystem::perms::owner_all);
    argv.insert(argv.end(), {"--openssl", wrapper});
  }
  argv.insert(argv.end(), {"-p", "-S", "-P", "-f", "-E", "-U", "--jsonfile", json,
                           "localhost:" + std::to_string(port)});
  test::child_process run(argv, work_dir + "/testssl-" + std::to_string(port) + ".log");
  scan_result result;
  const auto status = run.wait_exit(600);
  result.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  result.output = run.output();
  if (!status) {
    run.kill_hard();
    throw std::runtime_error("testssl did not finish within 10 minutes:\n" + result.output);
  }
  boost::system::error_code ec;
  auto value = boost::json::parse(test::read_file(json), ec);
  if (ec || !value.is_array())
    throw std::runtime_error("testssl wrote no JSON findings:\n" + result.output);
  result.findings = std::move(value.as_array());
  return result;
}

std::string field(const boost::json::value& finding, const char* name) {
  const auto* v = finding.as_object().if_contains(name);
  return v && v->is_string() ? std::string(v->as_string()) : "";
}

// The last whitespace-separated word: the IANA name in testssl's cipher lines.
std::string last_word(const std::string& line) {
  std::istringstream words(line);
  std::string word, last;
  while (words >> word) last = word;
  return last;
}

bool forward_secret_aead(const std::string& id, const std::string& iana) {
  const bool aead = iana.find("_GCM_") != std::string::npos ||
                    iana.find("_CHACHA20_POLY1305_") != std::string::npos ||
                    iana.find("_CCM") != std::string::npos;
  if (id.rfind("cipher-tls1_3_", 0) == 0) return aead;  // TLS 1.3 key exchange is always ephemeral
  if (id.rfind("cipher-tls1_2_", 0) == 0)
    return aead && (iana.rfind("TLS_ECDHE_", 0) == 0 || iana.rfind("TLS_DHE_", 0) == 0);
  return false;  // any other protocol is a failure by itself
}

void expect_sound_tls(int port, const std::string& ca_file, const std::string& work_dir,
                      const std::string& client_pem = {}) {
  const auto result = scan(port, ca_file, work_dir, client_pem);
  std::printf("testssl on port %d: %zu findings in %.0f s\n", port, result.findings.size(),
              result.seconds);
  std::map<std::string, std::string> protocols;
  int ciphers = 0;
  for (const auto& f : result.findings) {
    if (!f.is_object()) continue;
    const auto id = field(f, "id"), severity = field(f, "severity"), finding = field(f, "finding");
    if ((severity == "HIGH" || severity == "CRITICAL" || severity == "FATAL") &&
        !accepted_findings.contains(id))
      ADD_FAILURE() << "port " << port << ": " << severity << " " << id << ": " << finding;
    if (id == "SSLv2" || id == "SSLv3" || id == "TLS1" || id == "TLS1_1" || id == "TLS1_2" ||
        id == "TLS1_3")
      protocols[id] = finding;
    if (id.rfind("cipher-", 0) == 0) {
      ++ciphers;
      EXPECT_TRUE(forward_secret_aead(id, last_word(finding)))
          << "port " << port << " offers " << finding;
    }
  }
  for (const char* old : {"SSLv2", "SSLv3", "TLS1", "TLS1_1"})
    EXPECT_EQ(protocols[old].rfind("not offered", 0), 0u) << old << ": " << protocols[old];
  for (const char* current : {"TLS1_2", "TLS1_3"})
    EXPECT_EQ(protocols[current].rfind("offered", 0), 0u) << current << ": " << protocols[current];
  EXPECT_GT(ciphers, 0) << "testssl listed no cipher suites:\n" << result.output;
}

TEST(stress_tls, the_cipher_rule_refuses_static_key_exchange_and_cbc) {
  EXPECT_TRUE(
      forward_secret_aead("cipher-tls1_2_xc02b", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"));
  EXPECT_TRUE(forward_secret_aead("cipher-tls1_3_x1303", "TLS_CHACHA20_POLY1305_SHA256"));
  EXPECT_FALSE(forward_secret_aead("cipher-tls1_2_x9c", "TLS_RSA_WITH_AES_128_GCM_SHA256"));
  EXPECT_FALSE(
      forward_secret_aead("cipher-tls1_2_xc023", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"));
  EXPECT_FALSE(forward_secret_aead("cipher-tls1_1_xc009", "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"));
  EXPECT_EQ(last_word("TLS 1.2   xc02b   ECDHE-ECDSA-AES128-GCM-SHA256  ECDH 253  AESGCM  128  "
                      "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"),
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
}

TEST(stress_tls, testssl_finds_only_modern_forward_secret_tls) {
  ASSERT_TRUE(std::filesystem::exists(testssl)) << "install Debian's testssl.sh (./dev deps)";
  test::link_rig rig;
  if (auto why = rig.start_service()) GTEST_SKIP() << *why;
  test::temp_dir work("hubgate-tls-scan");
  const auto ca = rig.dir() / "service/tls/ca.pem";
  expect_sound_tls(rig.port(), ca, work.path().string());

  // The controller port only completes a handshake for an enrolled board: enrol one and
  // present its certificate and key.
  const auto controller = rig.create_controller("tls-scan", {rig.door_id("Lab door")});
  test::board& b = rig.add_board("tls-scan");
  ASSERT_EQ(b.enroll(controller.token, controller.ca_hash), 0) << b.enroll_output();
  const auto client_pem = work.path().string() + "/board-client.pem";
  {
    std::ofstream out(client_pem, std::ios::binary);
    out << test::read_file(b.data_dir() + "/link/client.pem")
        << test::read_file(b.data_dir() + "/link/client.key");
  }
  expect_sound_tls(rig.controller_port(), b.data_dir() + "/link/ca.pem", work.path().string(),
                   client_pem);
}

}  // namespace
}  // namespace hubgate::stress
