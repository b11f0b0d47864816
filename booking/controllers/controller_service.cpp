#include "booking/controllers/controller_service.hpp"

#include <openssl/rand.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include "booking/controllers/enrollment_token.hpp"
#include "booking/controllers/errc.hpp"
#include "booking/pki/pki_error.hpp"
#include "booking/pki/tls_material.hpp"
#include "protocol/hex.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::controllers {

std::string_view to_string(controller_status s) noexcept {
  switch (s) {
    case controller_status::pending:
      return "pending";
    case controller_status::enrolled:
      return "enrolled";
    case controller_status::revoked:
      return "revoked";
  }
  return "unknown";
}

namespace {

domain::failure token_invalid() {
  return failure(make_error_code(errc::enrollment_token_invalid));
}

std::vector<std::uint8_t> random_key() {
  std::vector<std::uint8_t> key(32);
  if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1) std::abort();
  return key;
}

}  // namespace

controller_service::controller_service(controller_repository& repo,
                                       domain::catalog_repository& catalog, stream_hub& hub,
                                       enrollment_settings settings)
    : repo_(repo), catalog_(catalog), hub_(hub), settings_(std::move(settings)) {}

outcome<created_controller> controller_service::create(const new_controller& in, sys_seconds now) {
  std::vector<domain::field_error> errors;
  if (in.name.empty() || in.name.size() > 100)
    errors.push_back({"name", "invalid", "1 to 100 characters"});
  auto site = catalog_.get_site(in.site_id);
  if (!site && !site.error().is(domain::errc::not_found)) return site.error();
  if (!site) errors.push_back({"site_id", "not_found", "no such site"});
  std::vector<domain::door> doors;
  for (std::size_t i = 0; i < in.door_ids.size(); ++i) {
    auto d = catalog_.get_door(in.door_ids[i]);
    const auto field = "door_ids[" + std::to_string(i) + "]";
    if (!d && !d.error().is(domain::errc::not_found)) return d.error();
    if (!d)
      errors.push_back({field, "not_found", "no such door"});
    else if (site && d->site_id != site->id)
      errors.push_back({field, "invalid", "the door is on another site"});
    else
      doors.push_back(std::move(*d));
  }
  if (!errors.empty()) {
    domain::failure f(domain::errc::validation_failed, "the controller is not valid");
    f.fields = std::move(errors);
    return f;
  }
  if (auto key = repo_.ensure_list_key(in.site_id, random_key()); !key) return key.error();

  created_controller out;
  out.enrollment_token = make_enrollment_token();
  out.expires_at = now + settings_.token_lifetime;
  out.ca_hash = settings_.ca_hash;
  controller_record c;
  c.name = in.name;
  c.site_id = in.site_id;
  c.door_ids = in.door_ids;
  c.token_hash = enrollment_token_hash(out.enrollment_token);
  c.token_expires_at = out.expires_at;
  c.created_at = now;
  auto stored = repo_.insert_controller(std::move(c));
  if (!stored) return stored.error();
  for (auto& d : doors) {
    d.controller_id = stored->id;
    if (auto r = catalog_.update_door(d); !r) return r.error();
  }
  hub_.controller_enrolled(*stored);  // knows its site now; no certificate yet
  log::write(log::level::info, "controller_created",
             {{"controller_id", stored->id},
              {"site_id", stored->site_id},
              {"doors", stored->door_ids.size()}});
  out.controller = std::move(*stored);
  return out;
}

outcome<enrollment> controller_service::enroll(std::string_view token, std::string_view csr_pem,
                                               sys_seconds now) {
  const auto hash = enrollment_token_hash(token);
  if (hash.empty()) return token_invalid();
  auto found = repo_.find_by_token_hash(hash);
  if (!found) return found.error().is(domain::errc::not_found) ? token_invalid() : found.error();
  if (found->status != controller_status::pending || !found->token_expires_at ||
      *found->token_expires_at <= now)
    return token_invalid();
  auto certificate = pki::sign_csr({settings_.ca_certificate, settings_.ca_private_key}, csr_pem,
                                   found->id, settings_.certificate_days);
  if (!certificate && certificate.error() == pki::pki_error::unsupported_key_type)
    return failure(make_error_code(errc::unsupported_csr_key), "only P-256 or Ed25519 keys");
  if (!certificate)
    return failure(make_error_code(errc::invalid_csr), "the CSR is not a valid signed PEM request");
  auto sha = pki::certificate_sha256(*certificate);
  if (!sha) return failure(make_error_code(errc::invalid_csr));
  // The token is spent here, atomically: of two racing enrolments only one gets through.
  auto enrolled = repo_.redeem_token(found->id, hash, now, *sha);
  if (!enrolled) return enrolled.error();
  auto key = repo_.ensure_list_key(enrolled->site_id, random_key());
  if (!key) return key.error();
  hub_.controller_enrolled(*enrolled);
  log::write(log::level::info, "controller_enrolled", {{"controller_id", enrolled->id}});
  enrollment out;
  out.controller = std::move(*enrolled);
  out.certificate_pem = std::move(*certificate);
  out.ca_pem = settings_.ca_pem;
  out.list_verify_key_pem = settings_.list_verify_key_pem;
  out.list_key_hex = protocol::to_hex(*key);
  out.controller_endpoint = settings_.controller_endpoint;
  return out;
}

outcome<std::vector<controller_view>> controller_service::list() {
  auto all = repo_.list_controllers();
  if (!all) return all.error();
  std::vector<controller_view> out;
  for (auto& c : *all) {
    auto live = hub_.status(c.id);
    out.push_back({std::move(c), std::move(live)});
  }
  return out;
}

outcome<controller_view> controller_service::revoke(std::string_view id, sys_seconds now) {
  auto revoked = repo_.revoke_controller(id, now);
  if (!revoked) return revoked.error();
  hub_.controller_revoked(revoked->id);
  return controller_view{std::move(*revoked), hub_.status(id)};
}

outcome<std::vector<event_view>> controller_service::events(const event_filter& filter) {
  auto stored = repo_.list_events(filter);
  if (!stored) return stored.error();
  auto controllers = repo_.list_controllers();
  if (!controllers) return controllers.error();
  std::vector<event_view> out;
  for (auto& e : *stored) {
    event_view v{std::move(e), std::nullopt};
    if (v.stored.event.card) {
      auto c = std::find_if(controllers->begin(), controllers->end(),
                            [&](const auto& r) { return r.id == v.stored.controller_id; });
      if (c != controllers->end())
        v.credential = hub_.credential_for(c->site_id, *v.stored.event.card);
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace hubgate::controllers
