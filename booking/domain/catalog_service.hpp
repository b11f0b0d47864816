// Managing the hub's catalogue: sites (opening hours, closures), spaces (capacity cuts are
// checked against future bookings), groups with their policies and grants, and doors.
// Reads are open to every signed-in actor; writes are admin-only.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/actor.hpp"
#include "booking/domain/door.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/site.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain {

// Field checks shared by create and update (validation_failed with every bad field).
outcome<void> validate(const site& s);
outcome<void> validate(const space& s);
outcome<void> validate(const group& g);
outcome<void> validate(const door& d);
outcome<void> validate(const weekly_hours& h, const std::string& field);

class catalog_service {
 public:
  explicit catalog_service(catalog_repository& catalog);

  outcome<std::vector<site>> list_sites(const actor& who);
  outcome<site> get_site(const actor& who, std::string_view id);
  outcome<site> create_site(const actor& who, site s);
  outcome<site> update_site(const actor& who, site s);

  // The shared list of every space, and `filter` narrowed to what `who` may list (inactive
  // spaces only for admins): the caller keeps the spaces that match it.
  outcome<std::shared_ptr<const std::vector<space>>> list_spaces(const actor& who,
                                                                 space_filter& filter);
  outcome<space> get_space(const actor& who, std::string_view id);
  outcome<space> create_space(const actor& who, space s);
  // Refused with capacity_exceeded_by_bookings (conflicts listed) when the new capacity or
  // mode does not fit the future active bookings.
  outcome<space> update_space(const actor& who, space s, sys_seconds now);
  outcome<space> set_capacity(const actor& who, std::string_view id, int capacity, sys_seconds now);
  outcome<space> deactivate_space(const actor& who, std::string_view id, sys_seconds now);

  outcome<std::vector<group>> list_groups(const actor& who);
  outcome<group> get_group(const actor& who, std::string_view id);
  outcome<group> create_group(const actor& who, group g);
  outcome<group> update_group(const actor& who, group g);
  outcome<void> delete_group(const actor& who, std::string_view id);

  outcome<std::vector<door>> list_doors(const actor& who, std::optional<std::string> site_id);
  outcome<door> get_door(const actor& who, std::string_view id);
  outcome<door> create_door(const actor& who, door d);
  outcome<door> update_door(const actor& who, door d);
  outcome<void> delete_door(const actor& who, std::string_view id);

 private:
  catalog_repository& catalog_;
};

}  // namespace hubgate::domain
