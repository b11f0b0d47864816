// User and credential routes: admins manage users and cards; everyone reads and edits
// themself ("me") and reads their own cards. Passwords are hashed here, never stored clear.

#include "booking/api/booking_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/query_input.hpp"
#include "booking/auth/secret_token.hpp"

namespace hubgate::api::handlers {
namespace {

auto render = [](const auto& v) { return to_json(v); };

// Fields an admin may change (PATCH /users/{id}) or anyone about themself (PATCH /users/me).
std::optional<problem> read_update(call& c, domain::user_update& u, bool admin_fields) {
  auto body = parse_json_body(c.request);
  if (!body) return body.error();
  body_fields f(*body);
  u.display_name = f.text("display_name", need::optional, 200);
  u.language = f.text("language", need::optional, 35);
  if (admin_fields) {
    u.email = f.text("email", need::optional, 254);
    if (auto role = f.text("role", need::optional, 20)) {
      if (auto r = domain::parse_role(*role))
        u.new_role = *r;
      else
        f.error("role", "invalid", "member or admin");
    }
    u.group_ids = f.text_list("group_ids", need::optional);
    u.active = f.boolean("active", need::optional);
  }
  if (auto errors = f.finish(); !errors.empty()) return validation_failed(std::move(errors));
  return std::nullopt;
}

http::http_response set_credential_status(call& c, domain::credential_status status) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  return respond(c, c.svc.users.set_credential_status(c.actor(), c.param("id"), status), render);
}

}  // namespace

http::http_response list_users(call& c) {
  return respond_list(c, c.svc.users.list_users(c.actor()), render);
}

http::http_response create_user(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  domain::user u;
  auto email = f.text("email", need::required, 254);
  auto name = f.text("display_name", need::required, 200);
  auto password = new_password_field(f, "password");
  if (auto role = f.text("role", need::optional, 20)) {
    if (auto r = domain::parse_role(*role))
      u.role = *r;
    else
      f.error("role", "invalid", "member or admin");
  }
  if (auto groups = f.text_list("group_ids", need::optional)) u.group_ids = *groups;
  if (auto lang = f.text("language", need::optional, 35)) u.language = *lang;
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  u.email = *email;
  u.display_name = *name;
  auto hash = c.svc.passwords.hash(*password);
  if (!hash) return respond(c, internal_error());
  return respond(c, c.svc.users.create_user(c.actor(), std::move(u), std::move(*hash), c.svc.now()),
                 render, 201);
}

http::http_response me(call& c) {
  return respond(c, c.svc.users.me(c.actor()), render);
}

http::http_response update_me(call& c) {
  domain::user_update u;
  if (auto p = read_update(c, u, false)) return respond(c, *p);
  return respond(c, c.svc.users.update_user(c.actor(), c.actor().user_id, u), render);
}

http::http_response get_user(call& c) {
  return respond(c, c.svc.users.get_user(c.actor(), c.param("id")), render);
}

http::http_response update_user(call& c) {
  domain::user_update u;
  if (auto p = read_update(c, u, true)) return respond(c, *p);
  return respond(c, c.svc.users.update_user(c.actor(), c.param("id"), u), render);
}

http::http_response list_credentials(call& c) {
  return respond_list(c, c.svc.users.list_credentials(c.actor(), c.param("id")), render);
}

http::http_response enrol_credential(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  domain::credential cred;
  cred.user_id = std::string(c.param("id"));
  auto card = f.text("card_id", need::required, 100);
  if (auto kind = f.text("kind", need::optional, 20)) {
    if (auto k = domain::parse_credential_kind(*kind))
      cred.kind = *k;
    else
      f.error("kind", "invalid", "uid or desfire");
  }
  if (auto label = f.text("label", need::optional, 200)) cred.label = *label;
  if (auto expires = f.time("expires_at", need::optional)) {
    std::vector<field_error> errs;
    cred.expires_at = resolve_time(*expires, c.svc.default_zone, "expires_at", errs);
    f.merge(std::move(errs));
  }
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  auto normalised = domain::normalise_card_id(*card);
  if (!normalised) return respond(c, normalised.error());
  cred.card_id = *normalised;
  return respond(c, c.svc.users.enrol_credential(c.actor(), std::move(cred), c.svc.now()), render,
                 201);
}

http::http_response find_credential_by_card(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto card = f.text("card_id", need::required, 100);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  return respond(c, c.svc.users.find_credential_by_card(c.actor(), *card), render);
}

http::http_response revoke_credential(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  return respond(c, c.svc.users.revoke_credential(c.actor(), c.param("id")), render);
}
http::http_response suspend_credential(call& c) {
  return set_credential_status(c, domain::credential_status::suspended);
}
http::http_response reactivate_credential(call& c) {
  return set_credential_status(c, domain::credential_status::active);
}

}  // namespace hubgate::api::handlers
