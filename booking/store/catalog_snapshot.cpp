#include "booking/store/catalog_snapshot.hpp"

#include <algorithm>

#include "booking/store/catalog_rows.hpp"
#include "booking/store/sql_helpers.hpp"

namespace hubgate::store {
namespace {

template <class T>
outcome<std::vector<T>> load_all(connection& c, const char* columns, const char* table,
                                 outcome<T> (*reader)(const statement&)) {
  auto st = c.prepare(std::string("SELECT ") + columns + " FROM " + table + " ORDER BY name, id");
  if (!st) return st.error();
  return collect<T>(*st, reader);
}

outcome<catalog_copy_ptr> load_tables(connection& c) {
  auto copy = std::make_shared<catalog_copy>();
  auto sites = load_all<domain::site>(c, site_columns, "sites", read_site);
  if (!sites) return sites.error();
  auto spaces = load_all<domain::space>(c, space_columns, "spaces", read_space);
  if (!spaces) return spaces.error();
  auto groups = load_all<domain::group>(c, group_columns, "user_groups", read_group);
  if (!groups) return groups.error();
  copy->sites = std::move(*sites);
  copy->spaces = std::move(*spaces);
  copy->groups = std::move(*groups);
  // Views into the vectors above, which never change after this point.
  for (std::size_t i = 0; i < copy->sites.size(); ++i)
    copy->site_index.emplace(copy->sites[i].id, i);
  for (std::size_t i = 0; i < copy->spaces.size(); ++i)
    copy->space_index.emplace(copy->spaces[i].id, i);
  for (std::size_t i = 0; i < copy->groups.size(); ++i)
    copy->group_index.emplace(copy->groups[i].id, i);
  return catalog_copy_ptr(std::move(copy));
}

}  // namespace

outcome<catalog_copy_ptr> load_catalog_copy(connection& c) {
  if (auto r = c.exec("BEGIN"); !r) return r.error();
  auto copy = load_tables(c);
  (void)c.exec("COMMIT");
  return copy;
}

outcome<catalog_copy_ptr> catalog_snapshot::get(
    const std::function<outcome<catalog_copy_ptr>()>& load) {
  std::uint64_t generation = 0;
  {
    std::lock_guard lock(mutex_);
    if (current_) return current_;
    generation = generation_;
  }
  auto loaded = load();
  if (!loaded) return loaded;
  std::lock_guard lock(mutex_);
  // A write committed while we read: what we hold may predate it, so serve it to this
  // caller only (its read began before the write was acknowledged) and keep no copy.
  if (generation == generation_) current_ = *loaded;
  return loaded;
}

void catalog_snapshot::invalidate() {
  std::lock_guard lock(mutex_);
  ++generation_;
  current_.reset();
}

std::vector<domain::space> filter_spaces(const catalog_copy& copy,
                                         const domain::space_filter& filter) {
  std::vector<domain::space> out;
  for (const auto& s : copy.spaces)
    if (domain::matches(s, filter)) out.push_back(s);
  return out;
}

}  // namespace hubgate::store
