// The booking service's storage: one object owning the SQLite database (a single writer
// thread with group commit, a pool of readers) and handing out the domain's repositories.
#pragma once
#include <boost/system/result.hpp>
#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>

#include "booking/controllers/controller_repository.hpp"
#include "booking/domain/calendar_ports.hpp"
#include "booking/domain/ports.hpp"
#include "booking/store/store_errc.hpp"

namespace hubgate::store {

struct sqlite_options {
  std::size_t readers = 4;     // reader connections (parallel queries)
  std::size_t max_batch = 64;  // write operations committed together at most
  std::chrono::milliseconds busy_timeout{5000};
  bool durable = true;  // synchronous=FULL; false only for throwaway data
};

// Counters of the single writer, e.g. for metrics: groups committed and operations in them.
struct write_stats {
  std::size_t commits = 0;
  std::size_t operations = 0;
};

// Repositories stay valid as long as the database object; calls are thread-safe and block
// until the read is done or the write is committed (durable when acknowledged).
class database {
 public:
  virtual ~database() = default;
  virtual domain::catalog_repository& catalog() = 0;
  virtual domain::booking_repository& bookings() = 0;
  virtual domain::user_repository& users() = 0;
  virtual domain::auth_repository& auth() = 0;
  virtual domain::calendar_feed_repository& calendar_feeds() = 0;
  virtual domain::report_repository& reports() = 0;
  virtual controllers::controller_repository& controllers() = 0;
  // Schema version after migrations (PRAGMA user_version).
  virtual int schema_version() const = 0;
  virtual write_stats writer_stats() const = 0;
};

// Opens (creating when absent) DATA_DIR/hubgate.db with WAL, foreign keys, synchronous=FULL
// and a busy timeout, and applies pending migrations in one transaction. Card UIDs are sealed
// under DATA_DIR/keys/card.key (made when absent): card_key_mismatch when the stored cards
// were sealed under another key.
boost::system::result<std::unique_ptr<database>> open_sqlite(const std::filesystem::path& data_dir,
                                                             const sqlite_options& options = {});

// The schema version this build migrates to.
int current_schema_version() noexcept;

}  // namespace hubgate::store
