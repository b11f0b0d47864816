#include "booking/domain/user_service.hpp"

#include <algorithm>

namespace hubgate::domain {
namespace {

outcome<void> require_admin(const actor& who) {
  if (!who.is_admin()) return failure(errc::forbidden, "only an admin may do this");
  return {};
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

user_service::user_service(user_repository& users, catalog_repository& catalog)
    : users_(users), catalog_(catalog) {}

outcome<std::vector<user>> user_service::list_users(const actor& who) {
  if (auto r = require_admin(who); !r) return r.error();
  return users_.list_users();
}

outcome<user> user_service::get_user(const actor& who, std::string_view id) {
  if (!who.is_admin() && who.user_id != id) return failure(errc::not_found);
  return users_.get_user(id);
}

outcome<user> user_service::me(const actor& who) {
  return users_.get_user(who.user_id);
}

outcome<user> user_service::create_user(const actor& who, user u, std::string password_hash,
                                        sys_seconds now) {
  if (auto r = require_admin(who); !r) return r.error();
  u.email = lower(std::move(u.email));
  if (auto r = validate(u); !r) return r.error();
  for (const auto& gid : u.group_ids)
    if (auto g = catalog_.get_group(gid); !g)
      return g.error().is(errc::not_found)
                 ? field_failure("group_ids", "unknown", "no such group: " + gid)
                 : g.error();
  u.created_at = now;
  return users_.insert_user(std::move(u), std::move(password_hash));
}

outcome<user> user_service::update_user(const actor& who, std::string_view id,
                                        const user_update& change) {
  bool self = who.user_id == id;
  if (!self && !who.is_admin()) return failure(errc::not_found);
  if (!who.is_admin() && (change.new_role || change.group_ids || change.active || change.email))
    return failure(errc::forbidden, "only an admin may change role, groups, status or e-mail");
  auto u = users_.get_user(id);
  if (!u) return u.error();
  if (change.display_name) u->display_name = *change.display_name;
  if (change.language) u->language = *change.language;
  if (change.email) u->email = lower(*change.email);
  if (change.new_role) u->role = *change.new_role;
  if (change.active) u->active = *change.active;
  if (change.group_ids) {
    for (const auto& gid : *change.group_ids)
      if (auto g = catalog_.get_group(gid); !g)
        return g.error().is(errc::not_found)
                   ? field_failure("group_ids", "unknown", "no such group: " + gid)
                   : g.error();
    u->group_ids = *change.group_ids;
  }
  if (auto r = validate(*u); !r) return r.error();
  return users_.update_user(std::move(*u));
}

outcome<std::vector<credential>> user_service::list_credentials(const actor& who,
                                                                std::string_view user_id) {
  if (!who.is_admin() && who.user_id != user_id) return failure(errc::not_found);
  if (auto u = users_.get_user(user_id); !u) return u.error();
  return users_.list_credentials(user_id);
}

outcome<credential> user_service::enrol_credential(const actor& who, credential c,
                                                   sys_seconds now) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(c); !r) return r.error();
  c.card_id = *normalise_card_id(c.card_id);
  if (auto u = users_.get_user(c.user_id); !u)
    return u.error().is(errc::not_found) ? field_failure("user_id", "unknown", "no such user")
                                         : u.error();
  // Kind desfire names the card, not how it is read: every card is read by its UID today.
  c.legacy = true;
  c.created_at = now;
  return users_.insert_credential(std::move(c));
}

outcome<credential> user_service::find_credential_by_card(const actor& who,
                                                          std::string_view card_id) {
  if (auto r = require_admin(who); !r) return r.error();
  auto normalised = normalise_card_id(card_id);
  if (!normalised) return normalised.error();
  auto found = users_.find_credential_by_card(*normalised);
  if (!found && found.error().is(errc::not_found))
    return failure(errc::card_not_enrolled, "no credential holds this card");
  return found;
}

outcome<credential> user_service::set_credential_status(const actor& who, std::string_view id,
                                                        credential_status status) {
  if (auto r = require_admin(who); !r) return r.error();
  auto c = users_.get_credential(id);
  if (!c) return c.error();
  // A revoked card stays revoked: re-enrol it instead, so the audit trail is clear.
  if (c->status == credential_status::revoked && status != credential_status::revoked)
    return failure(errc::invalid_transition, "a revoked card cannot be reactivated");
  c->status = status;
  return users_.update_credential(std::move(*c));
}

outcome<credential> user_service::revoke_credential(const actor& who, std::string_view id) {
  return set_credential_status(who, id, credential_status::revoked);
}

}  // namespace hubgate::domain
