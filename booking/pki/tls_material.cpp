#include "booking/pki/tls_material.hpp"

#include <openssl/evp.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <chrono>
#include <ctime>
#include <system_error>

#include "booking/pki/certificate_issuer.hpp"
#include "booking/pki/openssl_handles.hpp"
#include "booking/pki/pki_error.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::pki {
namespace {

constexpr int ca_validity_days = 3650;
constexpr int server_validity_days = 365;
// Keys and certificates alike: the data directory and everything in it is the owner's alone.
constexpr unsigned file_mode = 0600;

struct loaded_ca {
  detail::x509_ptr certificate;
  detail::pkey_ptr key;
};

boost::system::result<loaded_ca> load_ca(const server_tls_paths& paths) {
  auto cert_pem = detail::read_text_file(paths.ca_certificate);
  if (!cert_pem) return cert_pem.error();
  auto key_pem = detail::read_text_file(paths.ca_private_key);
  if (!key_pem) return key_pem.error();
  auto cert = detail::parse_certificate_pem(*cert_pem);
  if (!cert) return cert.error();
  auto key = detail::parse_private_key_pem(*key_pem);
  if (!key) return key.error();
  return loaded_ca{std::move(*cert), std::move(*key)};
}

boost::system::result<loaded_ca> make_ca(const server_tls_paths& paths) {
  auto key = detail::make_p256_key();
  if (!key) return key.error();
  auto cert =
      detail::issue_certificate({.profile = detail::certificate_profile::certificate_authority,
                                 .subject_key = key->get(),
                                 .common_name = "Hubgate private CA",
                                 .days = ca_validity_days});
  if (!cert) return cert.error();
  // Key first: a certificate on disk always has its key beside it.
  if (auto r = detail::write_file_atomically(paths.ca_private_key,
                                             detail::private_key_to_pem(key->get()), file_mode);
      !r)
    return r.error();
  if (auto r = detail::write_file_atomically(paths.ca_certificate,
                                             detail::certificate_to_pem(cert->get()), file_mode);
      !r)
    return r.error();
  log::write(log::level::info, "tls_ca_created", {{"path", paths.ca_certificate.string()}});
  return loaded_ca{std::move(*cert), std::move(*key)};
}

boost::system::result<void> make_server_certificate(const server_tls_paths& paths,
                                                    const loaded_ca& ca,
                                                    const std::vector<std::string>& names) {
  auto key = detail::make_p256_key();
  if (!key) return key.error();
  auto cert = detail::issue_certificate({.profile = detail::certificate_profile::tls_server,
                                         .subject_key = key->get(),
                                         .common_name = names.empty() ? "localhost" : names.front(),
                                         .alt_names = names,
                                         .issuer = ca.certificate.get(),
                                         .issuer_key = ca.key.get(),
                                         .days = server_validity_days});
  if (!cert) return cert.error();
  if (auto r = detail::write_file_atomically(paths.private_key,
                                             detail::private_key_to_pem(key->get()), file_mode);
      !r)
    return r.error();
  const auto chain =
      detail::certificate_to_pem(cert->get()) + detail::certificate_to_pem(ca.certificate.get());
  if (auto r = detail::write_file_atomically(paths.certificate_chain, chain, file_mode); !r)
    return r.error();
  log::write(log::level::info, "tls_server_certificate_created",
             {{"path", paths.certificate_chain.string()}, {"names", names.size()}});
  return {};
}

boost::system::result<void> check_names(const std::vector<std::string>& names) {
  for (const auto& name : names)
    if (name.empty() || name.find_first_of(",\n\r") != std::string::npos)
      return pki_error::invalid_argument;
  return {};
}

bool covers(X509* cert, const std::string& name) {
  if (X509_check_ip_asc(cert, name.c_str(), 0) == 1) return true;
  return X509_check_host(cert, name.data(), name.size(), X509_CHECK_FLAG_NO_WILDCARDS, nullptr) ==
         1;
}

}  // namespace

boost::system::result<renewal> renew_server_certificate(const server_tls_paths& paths,
                                                        const std::vector<std::string>& names,
                                                        server_tls_renewal policy) {
  if (auto ok = check_names(names); !ok) return ok.error();
  auto pem = detail::read_text_file(paths.certificate_chain);
  if (!pem) return pem.error();
  auto cert = detail::parse_certificate_pem(*pem);
  if (!cert) return cert.error();
  std::time_t due =
      std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + policy.renew_within);
  const bool expiring = X509_cmp_time(X509_get0_notAfter(cert->get()), &due) <= 0;
  bool named = true;
  for (const auto& name : names) named = named && covers(cert->get(), name);
  if (!expiring && named) return renewal::kept;
  auto ca = load_ca(paths);
  if (!ca) return ca.error();
  if (auto r = make_server_certificate(paths, *ca, names); !r) return r.error();
  log::write(log::level::info, "tls_server_certificate_renewed",
             {{"reason", expiring ? "expiring" : "names"}});
  return renewal::renewed;
}

boost::system::result<server_tls_paths> ensure_server_tls(const std::filesystem::path& dir,
                                                          const std::vector<std::string>& names) {
  if (auto ok = check_names(names); !ok) return ok.error();
  const auto tls_dir = dir / "tls";
  std::error_code ec;
  std::filesystem::create_directories(tls_dir, ec);
  if (ec) return pki_error::io_failed;
  std::filesystem::permissions(tls_dir, std::filesystem::perms::owner_all,
                               std::filesystem::perm_options::replace, ec);
  if (ec) return pki_error::io_failed;

  const server_tls_paths paths{tls_dir / "ca.pem", tls_dir / "ca.key", tls_dir / "server.pem",
                               tls_dir / "server.key"};
  if (std::filesystem::exists(paths.certificate_chain) &&
      std::filesystem::exists(paths.private_key))
    return paths;

  const bool have_ca = std::filesystem::exists(paths.ca_certificate) &&
                       std::filesystem::exists(paths.ca_private_key);
  auto ca = have_ca ? load_ca(paths) : make_ca(paths);
  if (!ca) return ca.error();
  if (auto r = make_server_certificate(paths, *ca, names); !r) return r.error();
  return paths;
}

std::string sha256_hex(std::string_view bytes) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(bytes.data(), bytes.size(), digest, &length, EVP_sha256(), nullptr);
  static constexpr char hex[] = "0123456789abcdef";
  std::string out;
  out.reserve(std::size_t{length} * 2);
  for (unsigned int i = 0; i < length; ++i) {
    out += hex[digest[i] >> 4];
    out += hex[digest[i] & 0x0f];
  }
  return out;
}

boost::system::result<std::string> certificate_sha256(std::string_view certificate_pem) {
  auto cert = detail::parse_certificate_pem(certificate_pem);
  if (!cert) return cert.error();
  unsigned char* der = nullptr;
  const int length = i2d_X509(cert->get(), &der);
  if (length <= 0) return detail::crypto_error("certificate DER encoding");
  auto hex = sha256_hex(
      std::string_view(reinterpret_cast<const char*>(der), static_cast<std::size_t>(length)));
  OPENSSL_free(der);
  return hex;
}

boost::system::result<std::string> ca_sha256(const std::filesystem::path& ca_pem) {
  auto pem = detail::read_text_file(ca_pem);
  if (!pem) return pem.error();
  return certificate_sha256(*pem);
}

}  // namespace hubgate::pki
