// The SQLite catalogue repository: sites, spaces, groups and doors. A space update re-checks
// future bookings inside the writer's transaction. Internal to booking/store.
#pragma once
#include "booking/domain/ports.hpp"
#include "booking/store/catalog_snapshot.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

class sqlite_catalog final : public domain::catalog_repository, private sqlite_access {
 public:
  using sqlite_access::sqlite_access;

  outcome<std::vector<domain::site>> list_sites() override;
  outcome<domain::site> get_site(std::string_view id) override;
  outcome<domain::site> insert_site(domain::site s) override;
  outcome<domain::site> update_site(domain::site s) override;

  outcome<std::vector<domain::space>> list_spaces(const domain::space_filter& filter) override;
  outcome<std::shared_ptr<const std::vector<domain::space>>> all_spaces() override;
  outcome<domain::space> get_space(std::string_view id) override;
  outcome<domain::space> insert_space(domain::space s) override;
  outcome<domain::space> update_space(domain::space s, domain::sys_seconds now) override;

  outcome<std::vector<domain::group>> list_groups() override;
  outcome<domain::group> get_group(std::string_view id) override;
  outcome<domain::group> insert_group(domain::group g) override;
  outcome<domain::group> update_group(domain::group g) override;
  outcome<void> delete_group(std::string_view id) override;

  outcome<std::vector<domain::door>> list_doors(std::optional<std::string> site_id) override;
  outcome<domain::door> get_door(std::string_view id) override;
  outcome<domain::door> insert_door(domain::door d) override;
  outcome<domain::door> update_door(domain::door d) override;
  outcome<void> delete_door(std::string_view id) override;

 private:
  // Sites, spaces and groups are read from here; each write to them invalidates it.
  outcome<catalog_copy_ptr> copy();
  template <class T>
  outcome<T> write_catalog(std::function<outcome<T>(connection&)> op) {
    auto r = write<T>(std::move(op));
    snapshot_.invalidate();
    return r;
  }
  catalog_snapshot snapshot_;
};

}  // namespace hubgate::store
