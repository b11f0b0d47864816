// First contact with the booking service (`hubgate-door enroll`): pin the service CA by the
// hash the admin was given, trade a one-time token and a CSR for a client certificate, and
// keep what the link needs in DATA_DIR/link/; and reading that back when the daemon starts.
#pragma once
#include <boost/system/result.hpp>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace hubgate::door {

// Where enrolment keeps its files, all inside one directory replaced as a whole.
struct enrolment_paths {
  std::filesystem::path dir;
  std::filesystem::path record;      // enrolment.json: ids and the controller endpoint
  std::filesystem::path ca;          // the pinned service CA (PEM)
  std::filesystem::path cert;        // this board's client certificate (PEM)
  std::filesystem::path key;         // its private key (PEM, 0600)
  std::filesystem::path verify_key;  // the service's Ed25519 list-signing public key (PEM)
  std::filesystem::path list_key;    // the site's list key (hex, 0600)
};
enrolment_paths enrolment_paths_in(const std::filesystem::path& data_dir);

struct enrolment_record {
  std::string controller_id;
  std::string site_id;
  std::vector<std::string> door_ids;
  std::string endpoint_host;  // the service's controller port
  std::uint16_t endpoint_port = 0;
  friend bool operator==(const enrolment_record&, const enrolment_record&) = default;
};

// Errors are one human-readable sentence: enrolment is run by a person at a terminal.
struct enrolment_error {
  std::string message;
};

template <class T>
using enrolment_result = boost::system::result<T, enrolment_error>;

// Reads DATA_DIR/link/enrolment.json; an error when the board was never enrolled.
enrolment_result<enrolment_record> load_enrolment(const std::filesystem::path& data_dir);

struct enroll_request {
  std::string service_url;  // https://HOST:PORT of the service's main port
  std::string token;
  std::string ca_hash;  // "sha256:<64 hex>"
  std::filesystem::path data_dir;
  std::chrono::milliseconds timeout{30'000};
};

// Nothing is written unless every step succeeded; a previous enrolment is then replaced.
enrolment_result<enrolment_record> enroll(const enroll_request& request);

}  // namespace hubgate::door
