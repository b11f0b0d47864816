// Row <-> record mapping for sites, spaces, groups and doors: the column lists and the
// readers shared by the catalogue and booking repositories. Internal to booking/store.
#pragma once
#include "booking/domain/door.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/site.hpp"
#include "booking/domain/space.hpp"
#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

inline constexpr const char* site_columns = "id, name, time_zone, opening_hours, closures";
inline constexpr const char* space_columns =
    "id, site_id, name, kind, capacity, mode, position, features, opening_hours, closures, "
    "rules, allowed_group_ids, needs_approval, release_window, check_in_required, active";
inline constexpr const char* group_columns = "id, name, policy, grants";
inline constexpr const char* door_columns =
    "id, site_id, name, space_ids, controller_id, unlock_ms, held_open_ms, fail_mode, "
    "is_entrance";

outcome<domain::site> read_site(const statement& st);
outcome<domain::space> read_space(const statement& st);
outcome<domain::group> read_group(const statement& st);
outcome<domain::door> read_door(const statement& st);

// Binds every column of the record in *_columns order, starting at parameter 1.
void bind_site(statement& st, const domain::site& s);
void bind_space(statement& st, const domain::space& s);
void bind_group(statement& st, const domain::group& g);
void bind_door(statement& st, const domain::door& d);

// Only what admission needs (capacity, mode, rules, active): no decoding of the rest.
outcome<domain::space> load_space_for_admission(connection& c, std::string_view id);

}  // namespace hubgate::store
