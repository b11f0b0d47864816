#include "booking/app/service_tls.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <stdexcept>

#include "protocol/log/log.hpp"

namespace hubgate::app {

namespace {

// Loopback always; a listening address that is a real name or address as well.
std::vector<std::string> names_for(const serve_options& o) {
  std::vector<std::string> names = {"localhost", "127.0.0.1", "::1"};
  for (const auto& host : {o.host, o.controller_host})
    if (host != "0.0.0.0" && host != "::" &&
        std::find(names.begin(), names.end(), host) == names.end())
      names.push_back(host);
  return names;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace

service_tls prepare_service_tls(const serve_options& options) {
  service_tls tls;
  tls.names = names_for(options);
  tls.public_uses_own = options.tls_cert.empty();
  auto own = pki::ensure_server_tls(options.data_dir, tls.names);
  if (!own) throw std::runtime_error("cannot prepare TLS material: " + own.error().message());
  tls.own = *own;
  (void)renew_service_tls(tls);
  auto hash = pki::ca_sha256(tls.own.ca_certificate);
  if (!hash) throw std::runtime_error("cannot read the service CA: " + hash.error().message());
  tls.ca_hash = "sha256:" + *hash;
  tls.ca_pem = read_text(tls.own.ca_certificate);
  return tls;
}

bool renew_service_tls(const service_tls& tls) {
  auto renewed = pki::renew_server_certificate(tls.own, tls.names);
  if (!renewed) {
    log::write(log::level::error, "tls_renewal_failed", {{"message", renewed.error().message()}});
    return false;
  }
  return *renewed == pki::renewal::renewed;
}

}  // namespace hubgate::app
