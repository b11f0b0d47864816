// Reads a booking service's SQLite file read-only, beside the running service, to check what
// it promised: acknowledged bookings are there, no space holds more than its capacity, and
// the file is intact.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hubgate::stress {

class store_audit {
 public:
  // Opens DATA_DIR/hubgate.db read-only; throws std::runtime_error when it cannot.
  explicit store_audit(const std::string& data_dir);
  ~store_audit();
  store_audit(const store_audit&) = delete;
  store_audit& operator=(const store_audit&) = delete;

  // "ok" when PRAGMA integrity_check finds nothing, else its findings.
  std::string integrity_check();
  // The status of each booking id ("" when the booking is missing).
  std::map<std::string, std::string> statuses(const std::vector<std::string>& ids);
  // One line per moment where a space holds more than it may: for a shared space more seats
  // than its capacity, for an exclusive one two bookings at once or more seats than capacity.
  std::vector<std::string> capacity_violations();
  long count_active_bookings();

 private:
  struct db;
  std::unique_ptr<db> db_;
};

}  // namespace hubgate::stress
