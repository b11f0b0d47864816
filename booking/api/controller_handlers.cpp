// Door controller routes: create (one-time enrolment token), the CA, enrolment by token + CSR,
// the list with live status, revoke, and the access log. The stream itself is on the
// controller port (booking/controllers/stream_hub).
#include <boost/json/array.hpp>

#include "booking/api/access_event_json.hpp"
#include "booking/api/booking_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/query_input.hpp"
#include "booking/controllers/controller_service.hpp"
#include "booking/controllers/errc.hpp"
#include "booking/domain/local_time.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::api::handlers {
namespace {

using controllers::controller_service;

// Controller errors first (they have API codes of their own), then the domain's.
http::http_response respond_controllers(const call& c, const domain::failure& f) {
  using controllers::errc;
  if (f.code == controllers::make_error_code(errc::enrollment_token_invalid)) {
    problem p = unauthenticated("the enrolment token is unknown, used or expired");
    p.code = "enrollment_token_invalid";
    return respond(c, p);
  }
  if (f.code == controllers::make_error_code(errc::unsupported_csr_key))
    return respond(c, validation_failed("csr_pem", "unsupported_key_type",
                                        "the key must be EC P-256 or Ed25519"));
  if (f.code == controllers::make_error_code(errc::invalid_csr))
    return respond(
        c, validation_failed("csr_pem", "invalid", "not a valid, signed PEM certificate request"));
  return respond(c, f);
}

boost::json::value time_or_null(const std::optional<std::chrono::sys_seconds>& t) {
  if (!t) return nullptr;
  return boost::json::value(domain::format_rfc3339_utc(*t));
}

boost::json::object to_json(const controllers::controller_record& r) {
  boost::json::array doors;
  for (const auto& d : r.door_ids) doors.emplace_back(d);
  return {{"id", r.id},
          {"name", r.name},
          {"site_id", r.site_id},
          {"door_ids", std::move(doors)},
          {"status", controllers::to_string(r.status)},
          {"created_at", domain::format_rfc3339_utc(r.created_at)},
          {"enrolled_at", time_or_null(r.enrolled_at)},
          {"revoked_at", time_or_null(r.revoked_at)}};
}

boost::json::object to_json(const controllers::controller_view& v) {
  auto o = to_json(v.controller);
  o["online"] = v.live.online;
  o["last_seen"] = time_or_null(v.live.last_seen);
  o["clock_skew_ms"] = v.live.clock_skew_ms ? boost::json::value(*v.live.clock_skew_ms) : nullptr;
  o["reader"] = v.live.reader;
  o["door_state"] = v.live.door;
  o["list_epoch"] = v.live.epoch;
  o["list_sequence_acked"] = v.live.acked_sequence;
  return o;
}

}  // namespace

http::http_response create_controller(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  controllers::new_controller in;
  auto name = f.text("name", need::required, 100);
  auto site = f.text("site_id", need::required, 100);
  auto doors = f.text_list("door_ids", need::optional);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  in.name = *name;
  in.site_id = *site;
  in.door_ids = doors.value_or(std::vector<std::string>{});
  auto r = c.svc.controllers.create(in, c.svc.now());
  if (!r) return respond_controllers(c, r.error());
  return json_response(
      201,
      boost::json::object{{"controller", to_json(controllers::controller_view{r->controller, {}})},
                          {"enrollment_token", r->enrollment_token},
                          {"ca_hash", r->ca_hash},
                          {"expires_at", domain::format_rfc3339_utc(r->expires_at)}});
}

http::http_response controller_ca(call& c) {
  return json_response(200, boost::json::object{{"ca_pem", c.svc.controllers.settings().ca_pem},
                                                {"ca_hash", c.svc.controllers.settings().ca_hash}});
}

http::http_response enroll_controller(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto token = f.text("token", need::required, 200);
  auto csr = f.text("csr_pem", need::required, 16 * 1024);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  auto r = c.svc.controllers.enroll(*token, *csr, c.svc.now());
  if (!r) return respond_controllers(c, r.error());
  boost::json::array doors;
  for (const auto& d : r->controller.door_ids) doors.emplace_back(d);
  return json_response(200, boost::json::object{{"controller_id", r->controller.id},
                                                {"certificate_pem", r->certificate_pem},
                                                {"ca_pem", r->ca_pem},
                                                {"list_verify_key_pem", r->list_verify_key_pem},
                                                {"list_key_hex", r->list_key_hex},
                                                {"site_id", r->controller.site_id},
                                                {"door_ids", std::move(doors)},
                                                {"controller_endpoint", r->controller_endpoint}});
}

http::http_response list_controllers(call& c) {
  auto r = c.svc.controllers.list();
  if (!r) return respond_controllers(c, r.error());
  boost::json::array items;
  for (const auto& v : *r) items.push_back(to_json(v));
  return json_response(200, boost::json::object{{"items", std::move(items)}});
}

http::http_response revoke_controller(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  auto r = c.svc.controllers.revoke(c.param("id"), c.svc.now());
  if (!r) return respond_controllers(c, r.error());
  return json_response(200, to_json(*r));
}

http::http_response list_access_events(call& c) {
  query_fields q(c.target, {"from", "to", "door", "controller", "outcome", "limit"});
  controllers::event_filter filter;
  std::vector<field_error> errors;
  auto to_ms = [](std::chrono::sys_seconds t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
  };
  if (auto from = q.time("from", false))
    if (auto t = resolve_time(*from, c.svc.default_zone, "from", errors))
      filter.from_ms = to_ms(*t);
  if (auto to = q.time("to", false))
    if (auto t = resolve_time(*to, c.svc.default_zone, "to", errors)) filter.to_ms = to_ms(*t);
  filter.door_id = q.text("door");
  filter.controller_id = q.text("controller");
  if (auto outcome = q.text("outcome")) {
    if (*outcome == "granted")
      filter.kinds = {protocol::event_kind::tap_granted};
    else if (*outcome == "denied")
      filter.kinds = {protocol::event_kind::tap_denied};
    else
      q.error("outcome", "invalid", "granted or denied");
  }
  filter.limit = static_cast<std::size_t>(q.integer("limit", 1, 10000).value_or(100));
  auto qerrors = q.finish();
  errors.insert(errors.end(), qerrors.begin(), qerrors.end());
  if (!errors.empty()) return respond(c, validation_failed(std::move(errors)));
  auto r = c.svc.controllers.events(filter);
  if (!r) return respond_controllers(c, r.error());
  boost::json::array items;
  for (const auto& v : *r) items.push_back(api::to_json(v));
  return json_response(200, boost::json::object{{"items", std::move(items)}});
}

}  // namespace hubgate::api::handlers
