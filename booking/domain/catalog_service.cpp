#include "booking/domain/catalog_service.hpp"

namespace hubgate::domain {
namespace {

outcome<void> require_admin(const actor& who) {
  if (!who.is_admin()) return failure(errc::forbidden, "only an admin may change this");
  return {};
}

}  // namespace

catalog_service::catalog_service(catalog_repository& catalog) : catalog_(catalog) {}

outcome<std::vector<site>> catalog_service::list_sites(const actor&) {
  return catalog_.list_sites();
}

outcome<site> catalog_service::get_site(const actor&, std::string_view id) {
  return catalog_.get_site(id);
}

outcome<site> catalog_service::create_site(const actor& who, site s) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(s); !r) return r.error();
  return catalog_.insert_site(std::move(s));
}

outcome<site> catalog_service::update_site(const actor& who, site s) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(s); !r) return r.error();
  return catalog_.update_site(std::move(s));
}

outcome<std::shared_ptr<const std::vector<space>>> catalog_service::list_spaces(
    const actor& who, space_filter& filter) {
  if (!who.is_admin()) filter.include_inactive = false;
  return catalog_.all_spaces();
}

outcome<space> catalog_service::get_space(const actor& who, std::string_view id) {
  auto s = catalog_.get_space(id);
  if (s && !s->active && !who.is_admin()) return failure(errc::not_found);
  return s;
}

outcome<space> catalog_service::create_space(const actor& who, space s) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(s); !r) return r.error();
  if (auto site = catalog_.get_site(s.site_id); !site) {
    if (site.error().is(errc::not_found))
      return field_failure("site_id", "unknown", "no such site");
    return site.error();
  }
  return catalog_.insert_space(std::move(s));
}

outcome<space> catalog_service::update_space(const actor& who, space s, sys_seconds now) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(s); !r) return r.error();
  auto old = catalog_.get_space(s.id);
  if (!old) return old.error();
  if (old->site_id != s.site_id)
    return field_failure("site_id", "immutable", "a space cannot move to another site");
  return catalog_.update_space(std::move(s), now);
}

outcome<space> catalog_service::set_capacity(const actor& who, std::string_view id, int capacity,
                                             sys_seconds now) {
  if (auto r = require_admin(who); !r) return r.error();
  auto s = catalog_.get_space(id);
  if (!s) return s.error();
  s->capacity = capacity;
  if (auto r = validate(*s); !r) return r.error();
  return catalog_.update_space(std::move(*s), now);
}

outcome<space> catalog_service::deactivate_space(const actor& who, std::string_view id,
                                                 sys_seconds now) {
  if (auto r = require_admin(who); !r) return r.error();
  auto s = catalog_.get_space(id);
  if (!s) return s.error();
  s->active = false;
  return catalog_.update_space(std::move(*s), now);
}

outcome<std::vector<group>> catalog_service::list_groups(const actor&) {
  return catalog_.list_groups();
}

outcome<group> catalog_service::get_group(const actor&, std::string_view id) {
  return catalog_.get_group(id);
}

outcome<group> catalog_service::create_group(const actor& who, group g) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(g); !r) return r.error();
  return catalog_.insert_group(std::move(g));
}

outcome<group> catalog_service::update_group(const actor& who, group g) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(g); !r) return r.error();
  return catalog_.update_group(std::move(g));
}

outcome<void> catalog_service::delete_group(const actor& who, std::string_view id) {
  if (auto r = require_admin(who); !r) return r.error();
  return catalog_.delete_group(id);
}

outcome<std::vector<door>> catalog_service::list_doors(const actor& who,
                                                       std::optional<std::string> site_id) {
  if (auto r = require_admin(who); !r) return r.error();
  return catalog_.list_doors(std::move(site_id));
}

outcome<door> catalog_service::get_door(const actor& who, std::string_view id) {
  if (auto r = require_admin(who); !r) return r.error();
  return catalog_.get_door(id);
}

outcome<door> catalog_service::create_door(const actor& who, door d) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(d); !r) return r.error();
  if (auto site = catalog_.get_site(d.site_id); !site) {
    if (site.error().is(errc::not_found))
      return field_failure("site_id", "unknown", "no such site");
    return site.error();
  }
  return catalog_.insert_door(std::move(d));
}

outcome<door> catalog_service::update_door(const actor& who, door d) {
  if (auto r = require_admin(who); !r) return r.error();
  if (auto r = validate(d); !r) return r.error();
  return catalog_.update_door(std::move(d));
}

outcome<void> catalog_service::delete_door(const actor& who, std::string_view id) {
  if (auto r = require_admin(who); !r) return r.error();
  return catalog_.delete_door(id);
}

}  // namespace hubgate::domain
