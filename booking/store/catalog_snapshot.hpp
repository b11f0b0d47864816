// An in-memory copy of the catalogue (sites, spaces, groups), so that the per-request reads
// of availability, booking and authorisation cost no SQLite round trip. Internal to booking/store.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "booking/domain/ports.hpp"
#include "booking/store/sqlite_connection.hpp"

namespace hubgate::store {

// One consistent copy, read in a single transaction, immutable once built.
struct catalog_copy {
  std::vector<domain::site> sites;  // ordered by name, id (as the SQL lists are)
  std::vector<domain::space> spaces;
  std::vector<domain::group> groups;
  std::unordered_map<std::string_view, std::size_t> site_index, space_index, group_index;
};

// Serves the latest copy, loading it on first use after an invalidation. Every catalogue
// write calls invalidate() once committed. This is safe because one process owns the SQLite
// file; a PostgreSQL backend shared by several instances needs its own invalidation (a
// NOTIFY or a version row), or writes from another instance stay invisible here.
using catalog_copy_ptr = std::shared_ptr<const catalog_copy>;

// Reads the three tables in one read transaction, so they agree with each other.
outcome<catalog_copy_ptr> load_catalog_copy(connection& c);

class catalog_snapshot {
 public:
  // `load` runs load_catalog_copy on some reader connection.
  outcome<catalog_copy_ptr> get(const std::function<outcome<catalog_copy_ptr>()>& load);
  void invalidate();

 private:
  std::mutex mutex_;
  catalog_copy_ptr current_;
  std::uint64_t generation_ = 0;  // bumped by invalidate(); a load started earlier is dropped
};

// The in-memory equivalent of the SQL filter of catalog_repository::list_spaces.
std::vector<domain::space> filter_spaces(const catalog_copy& copy,
                                         const domain::space_filter& filter);

}  // namespace hubgate::store
