#include "door_controller/link/enrolment.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/url/parse.hpp>
#include <cctype>
#include <exception>
#include <fstream>
#include <sstream>

#include "door_controller/link/board_credentials.hpp"
#include "protocol/https_client/https_client.hpp"
#include "protocol/json_fields.hpp"
#include "protocol/keys.hpp"

namespace hubgate::door {
namespace {

constexpr std::string_view ca_route = "/api/v1/controllers/ca";
constexpr std::string_view enroll_route = "/api/v1/controllers/enroll";

enrolment_error error(std::string message) {
  return enrolment_error{std::move(message)};
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

struct service_address {
  std::string host;
  std::uint16_t port = 443;
};

enrolment_result<service_address> parse_service_url(std::string_view url) {
  auto u = boost::urls::parse_uri(url);
  if (!u || u->scheme() != "https" || u->host().empty())
    return error("--service must be an https://HOST:PORT URL");
  service_address a;
  a.host = std::string(u->host_address());
  if (u->has_port()) {
    if (u->port_number() == 0) return error("--service has an invalid port");
    a.port = u->port_number();
  }
  return a;
}

bool parse_endpoint(std::string_view text, std::string& host, std::uint16_t& port) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  host.assign(text.substr(0, colon));
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  unsigned value = 0;
  const auto digits = text.substr(colon + 1);
  if (digits.empty() || digits.size() > 5) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
    value = value * 10 + static_cast<unsigned>(c - '0');
  }
  if (value == 0 || value > 65535) return false;
  port = static_cast<std::uint16_t>(value);
  return true;
}

std::string field(const boost::json::object& o, std::string_view key) {
  const auto* s = protocol::json_fields::get_string(o, key);
  return s ? std::string(*s) : std::string();
}

// A JSON object from a successful response, else a sentence naming the step.
enrolment_result<boost::json::object> json_body(
    const boost::system::result<client::http_response>& response, std::string_view step) {
  if (!response)
    return error(std::string(step) + ": cannot reach the service: " + response.error().message());
  if (response->status == 401)
    return error(std::string(step) +
                 ": the enrolment token was refused (already used, expired or unknown)");
  if (response->status != 200 && response->status != 201)
    return error(std::string(step) + ": the service answered HTTP " +
                 std::to_string(response->status) + ": " + response->body.substr(0, 200));
  boost::system::error_code ec;
  auto v = boost::json::parse(response->body, ec);
  if (ec || !v.is_object()) return error(std::string(step) + ": the service's answer is not JSON");
  return std::move(v.as_object());
}

bool write_file(const std::filesystem::path& path, std::string_view text, mode_t mode) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
  if (fd < 0) return false;
  bool ok = ::fchmod(fd, mode) == 0;
  std::size_t done = 0;
  while (ok && done < text.size()) {
    const auto n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0)
      ok = false;
    else
      done += static_cast<std::size_t>(n);
  }
  ok = ::fsync(fd) == 0 && ok;
  return ::close(fd) == 0 && ok;
}

std::string record_json(const enrolment_record& r) {
  boost::json::array doors(r.door_ids.begin(), r.door_ids.end());
  return boost::json::serialize(boost::json::object{
      {"controller_id", r.controller_id},
      {"site_id", r.site_id},
      {"door_ids", std::move(doors)},
      {"controller_endpoint", r.endpoint_host + ":" + std::to_string(r.endpoint_port)}});
}

enrolment_result<enrolment_record> record_from(const boost::json::object& o) {
  enrolment_record r;
  r.controller_id = field(o, "controller_id");
  r.site_id = field(o, "site_id");
  if (r.controller_id.empty()) return error("no controller_id in the enrolment answer");
  if (const auto* doors = protocol::json_fields::get_array(o, "door_ids"))
    for (const auto& d : *doors)
      if (d.is_string()) r.door_ids.emplace_back(d.as_string());
  if (!parse_endpoint(field(o, "controller_endpoint"), r.endpoint_host, r.endpoint_port))
    return error("no usable controller_endpoint (HOST:PORT) in the enrolment answer");
  return r;
}

// Writes every file into a fresh sibling directory, then swaps it in: a half-written
// enrolment never replaces a working one.
enrolment_result<void> store(const enrolment_paths& final_paths, const enrolment_record& record,
                             const std::string& ca_pem, const std::string& cert_pem,
                             const std::string& key_pem, const std::string& verify_pem,
                             const std::string& list_key_hex) {
  std::error_code ec;
  const auto staging_dir = final_paths.dir.string() + ".new";
  std::filesystem::remove_all(staging_dir, ec);
  std::filesystem::create_directories(staging_dir, ec);
  if (ec) return error("cannot create " + staging_dir + ": " + ec.message());
  std::filesystem::permissions(staging_dir, std::filesystem::perms::owner_all, ec);
  const auto staged = enrolment_paths_in(std::filesystem::path(staging_dir).parent_path());
  const auto in_staging = [&](const std::filesystem::path& p) {
    return std::filesystem::path(staging_dir) / p.filename();
  };
  const bool ok = write_file(in_staging(staged.ca), ca_pem, 0644) &&
                  write_file(in_staging(staged.cert), cert_pem, 0644) &&
                  write_file(in_staging(staged.key), key_pem, 0600) &&
                  write_file(in_staging(staged.verify_key), verify_pem, 0644) &&
                  write_file(in_staging(staged.list_key), list_key_hex + "\n", 0600) &&
                  write_file(in_staging(staged.record), record_json(record) + "\n", 0644);
  if (!ok) {
    std::filesystem::remove_all(staging_dir, ec);
    return error("cannot write the enrolment files under " + staging_dir);
  }
  const auto old_dir = final_paths.dir.string() + ".old";
  std::filesystem::remove_all(old_dir, ec);
  if (std::filesystem::exists(final_paths.dir))
    std::filesystem::rename(final_paths.dir, old_dir, ec);
  std::filesystem::rename(staging_dir, final_paths.dir, ec);
  if (ec) return error("cannot move the enrolment into " + final_paths.dir.string());
  std::filesystem::remove_all(old_dir, ec);
  return {};
}

}  // namespace

enrolment_paths enrolment_paths_in(const std::filesystem::path& data_dir) {
  const auto dir = data_dir / "link";
  return {dir,
          dir / "enrolment.json",
          dir / "ca.pem",
          dir / "client.pem",
          dir / "client.key",
          dir / "list-verify.pem",
          dir / "list.key"};
}

enrolment_result<enrolment_record> load_enrolment(const std::filesystem::path& data_dir) {
  const auto paths = enrolment_paths_in(data_dir);
  std::ifstream in(paths.record, std::ios::binary);
  if (!in) return error("not enrolled: " + paths.record.string() + " is missing");
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  auto v = boost::json::parse(text.str(), ec);
  if (ec || !v.is_object()) return error(paths.record.string() + " is not valid JSON");
  return record_from(v.as_object());
}

enrolment_result<enrolment_record> enroll(const enroll_request& request) {
  auto address = parse_service_url(request.service_url);
  if (!address) return address.error();
  const std::string prefix = "sha256:";
  if (request.ca_hash.rfind(prefix, 0) != 0 || request.ca_hash.size() != prefix.size() + 64)
    return error("--ca-hash must be sha256:<64 hex digits>");
  const std::string expected = lower(request.ca_hash.substr(prefix.size()));

  try {
    // First contact: nothing to verify the server with yet; the CA is trusted only if its
    // hash matches the one the admin handed over out of band.
    client::https_client_options first;
    first.host = address->host;
    first.port = address->port;
    first.server_name = address->host;
    first.insecure = true;
    first.timeout = request.timeout;
    std::string ca_pem;
    {
      client::https_client unverified(first);
      auto body = json_body(unverified.try_request("GET", ca_route), "fetching the service CA");
      if (!body) return body.error();
      ca_pem = field(*body, "ca_pem");
    }
    auto fingerprint = certificate_fingerprint(ca_pem);
    if (!fingerprint) return error("the service sent no usable CA certificate");
    if (*fingerprint != expected)
      return error("CA hash mismatch: the service's CA is sha256:" + *fingerprint + ", expected " +
                   request.ca_hash +
                   "; refusing to enrol (check the hash, or someone is intercepting)");

    // From here on the server must prove itself with that CA.
    const auto ca_file = request.data_dir / "link-ca.pem.tmp";
    std::error_code dir_ec;
    std::filesystem::create_directories(request.data_dir, dir_ec);
    if (!write_file(ca_file, ca_pem, 0644))
      return error("cannot write into the data directory " + request.data_dir.string());
    client::https_client_options pinned = first;
    pinned.insecure = false;
    pinned.ca_file = ca_file.string();
    auto key = make_board_key("hubgate-door");
    if (!key) return error("cannot make the board's key: " + key.error().message());
    const std::string body = boost::json::serialize(
        boost::json::object{{"token", request.token}, {"csr_pem", key->csr_pem}});
    auto reply = [&] {
      client::https_client verified(pinned);
      return json_body(
          verified.try_request("POST", enroll_route, {{"content-type", "application/json"}}, body),
          "enrolling");
    }();
    std::filesystem::remove(ca_file, dir_ec);
    if (!reply) return reply.error();

    auto record = record_from(*reply);
    if (!record) return record.error();
    const std::string cert_pem = field(*reply, "certificate_pem");
    const std::string verify_pem = field(*reply, "list_verify_key_pem");
    const std::string list_key_hex = field(*reply, "list_key_hex");
    if (!certificate_fingerprint(cert_pem)) return error("the service sent no usable certificate");
    if (!protocol::verify_key::from_pem(verify_pem))
      return error("the service sent no usable list verification key");
    if (list_key_hex.size() < 64) return error("the service sent no usable list key");
    if (auto stored = store(enrolment_paths_in(request.data_dir), *record, ca_pem, cert_pem,
                            key->private_key_pem, verify_pem, list_key_hex);
        !stored)
      return stored.error();
    return *record;
  } catch (const std::exception& e) {
    return error(std::string("enrolment failed: ") + e.what());
  }
}

}  // namespace hubgate::door
