#include "booking/store/sqlite_catalog.hpp"

#include <algorithm>

#include "booking/domain/capacity.hpp"
#include "booking/store/booking_rows.hpp"
#include "booking/store/catalog_rows.hpp"
#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"
#include "booking/store/store_ids.hpp"

namespace hubgate::store {
namespace {

std::string select_all(const char* columns, const char* table, const char* tail = "") {
  return std::string("SELECT ") + columns + " FROM " + table + tail;
}

// Generic get/list/save for one table whose records have a string `id`.
template <class T>
struct table_ops {
  const char* table;
  const char* columns;
  outcome<T> (*reader)(const statement&);
  void (*binder)(statement&, const T&);
  const char* id_prefix;

  outcome<T> get(connection& c, std::string_view id) const {
    auto st = c.prepare(select_all(columns, table, " WHERE id = ?1"));
    if (!st) return st.error();
    st->bind(1, id);
    return first<T>(*st, reader);
  }
  outcome<std::vector<T>> list(connection& c) const {
    auto st = c.prepare(select_all(columns, table, " ORDER BY name, id"));
    if (!st) return st.error();
    return collect<T>(*st, reader);
  }
  // Insert (assigning an id when empty) or, with `must_exist`, replace an existing row.
  outcome<T> save(connection& c, T rec, bool must_exist) const {
    if (must_exist) {
      auto exists = row_exists(c, table, rec.id);
      if (!exists) return exists.error();
      if (!*exists) return domain::failure(domain::errc::not_found);
    } else if (rec.id.empty()) {
      rec.id = new_id(id_prefix);
    }
    auto st = c.prepare(insert_sql(table, columns, must_exist));
    if (!st) return st.error();
    binder(*st, rec);
    if (auto r = st->run(); !r) return r.error();
    return rec;
  }
  outcome<void> remove(connection& c, std::string_view id) const {
    auto st = c.prepare(std::string("DELETE FROM ") + table + " WHERE id = ?1");
    if (!st) return st.error();
    st->bind(1, id);
    if (auto r = st->run(); !r) return r.error();
    if (c.changes() == 0) return domain::failure(domain::errc::not_found);
    return {};
  }
};

const table_ops<domain::site> sites{"sites", site_columns, read_site, bind_site, "site"};
const table_ops<domain::space> spaces{"spaces", space_columns, read_space, bind_space, "sp"};
const table_ops<domain::group> groups{"user_groups", group_columns, read_group, bind_group, "grp"};
const table_ops<domain::door> doors{"doors", door_columns, read_door, bind_door, "door"};

}  // namespace

outcome<catalog_copy_ptr> sqlite_catalog::copy() {
  return snapshot_.get([this] { return read<catalog_copy_ptr>(load_catalog_copy); });
}

// Looks `id` up in one of the copy's indexes.
template <class T, class Index>
outcome<T> find_in(const std::vector<T>& records, const Index& index, std::string_view id) {
  auto it = index.find(id);
  if (it == index.end()) return domain::failure(domain::errc::not_found);
  return records[it->second];
}

outcome<std::vector<domain::site>> sqlite_catalog::list_sites() {
  auto c = copy();
  if (!c) return c.error();
  return (*c)->sites;
}
outcome<domain::site> sqlite_catalog::get_site(std::string_view id) {
  auto c = copy();
  if (!c) return c.error();
  return find_in((*c)->sites, (*c)->site_index, id);
}
outcome<domain::site> sqlite_catalog::insert_site(domain::site s) {
  return write_catalog<domain::site>([s](connection& c) { return sites.save(c, s, false); });
}
outcome<domain::site> sqlite_catalog::update_site(domain::site s) {
  return write_catalog<domain::site>([s](connection& c) { return sites.save(c, s, true); });
}

outcome<std::vector<domain::space>> sqlite_catalog::list_spaces(
    const domain::space_filter& filter) {
  auto c = copy();
  if (!c) return c.error();
  return filter_spaces(**c, filter);
}
outcome<std::shared_ptr<const std::vector<domain::space>>> sqlite_catalog::all_spaces() {
  auto c = copy();
  if (!c) return c.error();
  // Shares the copy's ownership: the list lives as long as any search still reads it.
  return std::shared_ptr<const std::vector<domain::space>>(*c, &(*c)->spaces);
}
outcome<domain::space> sqlite_catalog::get_space(std::string_view id) {
  auto c = copy();
  if (!c) return c.error();
  return find_in((*c)->spaces, (*c)->space_index, id);
}
outcome<domain::space> sqlite_catalog::insert_space(domain::space s) {
  return write_catalog<domain::space>([s](connection& c) { return spaces.save(c, s, false); });
}
outcome<domain::space> sqlite_catalog::update_space(domain::space s, domain::sys_seconds now) {
  return write_catalog<domain::space>([s, now](connection& c) -> outcome<domain::space> {
    // The cut check and the update share the writer's transaction: no booking can be
    // inserted between them.
    auto future = active_bookings_of_space(c, s.id, {now, domain::sys_seconds::max()});
    if (!future) return future.error();
    if (auto r = domain::check_capacity_cut(s, *future, now); !r) return r.error();
    return spaces.save(c, s, true);
  });
}

outcome<std::vector<domain::group>> sqlite_catalog::list_groups() {
  auto c = copy();
  if (!c) return c.error();
  return (*c)->groups;
}
outcome<domain::group> sqlite_catalog::get_group(std::string_view id) {
  auto c = copy();
  if (!c) return c.error();
  return find_in((*c)->groups, (*c)->group_index, id);
}
outcome<domain::group> sqlite_catalog::insert_group(domain::group g) {
  return write_catalog<domain::group>([g](connection& c) { return groups.save(c, g, false); });
}
outcome<domain::group> sqlite_catalog::update_group(domain::group g) {
  return write_catalog<domain::group>([g](connection& c) { return groups.save(c, g, true); });
}
outcome<void> sqlite_catalog::delete_group(std::string_view id) {
  std::string key(id);
  return write_catalog<void>([key](connection& c) { return groups.remove(c, key); });
}

outcome<std::vector<domain::door>> sqlite_catalog::list_doors(std::optional<std::string> site_id) {
  return read<std::vector<domain::door>>(
      [&site_id](connection& c) -> outcome<std::vector<domain::door>> {
        auto st = c.prepare(select_all(door_columns, "doors",
                                       " WHERE (?1 IS NULL OR site_id = ?1) ORDER BY name, id"));
        if (!st) return st.error();
        st->bind(1, site_id);
        return collect<domain::door>(*st, read_door);
      });
}
outcome<domain::door> sqlite_catalog::get_door(std::string_view id) {
  return read<domain::door>([id](connection& c) { return doors.get(c, id); });
}
outcome<domain::door> sqlite_catalog::insert_door(domain::door d) {
  return write<domain::door>([d](connection& c) { return doors.save(c, d, false); });
}
outcome<domain::door> sqlite_catalog::update_door(domain::door d) {
  return write<domain::door>([d](connection& c) { return doors.save(c, d, true); });
}
outcome<void> sqlite_catalog::delete_door(std::string_view id) {
  std::string key(id);
  return write<void>([key](connection& c) { return doors.remove(c, key); });
}

}  // namespace hubgate::store
