// Enrolment and administration of door controllers: create (one-time token + CA hash),
// enrol (token + CSR -> client certificate, CA, list verify key and list key), list with
// live status, revoke (closes the live connection), and the access log with card owners.
#pragma once
#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/controllers/controller_repository.hpp"
#include "booking/controllers/stream_hub.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::controllers {

struct enrollment_settings {
  std::filesystem::path ca_certificate, ca_private_key;  // the service's CA (PEM)
  std::string ca_pem;               // the CA certificate's text, handed to boards
  std::string ca_hash;              // "sha256:<hex of the CA certificate's DER>"
  std::string list_verify_key_pem;  // public half of the list-signing key
  std::string controller_endpoint;  // "host:port" of the controller port
  std::chrono::seconds token_lifetime{std::chrono::hours{24}};
  int certificate_days = 825;
};

struct new_controller {
  std::string name;
  std::string site_id;
  std::vector<std::string> door_ids;
};

struct created_controller {
  controller_record controller;
  std::string enrollment_token;  // shown once
  std::string ca_hash;
  sys_seconds expires_at{};
};

struct enrollment {
  controller_record controller;
  std::string certificate_pem, ca_pem, list_verify_key_pem, list_key_hex, controller_endpoint;
};

struct controller_view {
  controller_record controller;
  live_status live;
};

struct event_view {
  stored_event stored;
  std::optional<domain::credential> credential;  // when the service knows the card
};

class controller_service {
 public:
  controller_service(controller_repository& repo, domain::catalog_repository& catalog,
                     stream_hub& hub, enrollment_settings settings);

  // validation_failed for an empty name, an unknown site or doors not of that site. The
  // doors are bound to the new controller (a door has one controller).
  outcome<created_controller> create(const new_controller& c, sys_seconds now);
  // errc::enrollment_token_invalid for an unknown, used or expired token; errc::invalid_csr.
  outcome<enrollment> enroll(std::string_view token, std::string_view csr_pem, sys_seconds now);
  outcome<std::vector<controller_view>> list();
  outcome<controller_view> revoke(std::string_view id, sys_seconds now);
  outcome<std::vector<event_view>> events(const event_filter& filter);

  const enrollment_settings& settings() const noexcept { return settings_; }

 private:
  controller_repository& repo_;
  domain::catalog_repository& catalog_;
  stream_hub& hub_;
  enrollment_settings settings_;
};

}  // namespace hubgate::controllers
