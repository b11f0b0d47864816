#include "store_audit.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <stdexcept>

namespace hubgate::stress {
namespace {

constexpr const char* active = "('pending','confirmed','checked_in')";

class statement {
 public:
  statement(sqlite3* db, const std::string& sql) {
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st_, nullptr) != SQLITE_OK)
      throw std::runtime_error(fmt::format("prepare '{}': {}", sql, sqlite3_errmsg(db)));
  }
  ~statement() { sqlite3_finalize(st_); }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  bool step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw std::runtime_error(fmt::format("step: {}", sqlite3_errstr(rc)));
  }
  std::string text(int col) {
    const auto* p = sqlite3_column_text(st_, col);
    return p ? reinterpret_cast<const char*>(p) : "";
  }
  long integer(int col) { return static_cast<long>(sqlite3_column_int64(st_, col)); }
  void bind(int index, const std::string& value) {
    sqlite3_bind_text(st_, index, value.c_str(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  }
  void reset() { sqlite3_reset(st_); }

 private:
  sqlite3_stmt* st_ = nullptr;
};

}  // namespace

struct store_audit::db {
  sqlite3* handle = nullptr;
};

store_audit::store_audit(const std::string& data_dir) : db_(std::make_unique<db>()) {
  const auto file = data_dir + "/hubgate.db";
  if (sqlite3_open_v2(file.c_str(), &db_->handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string message = db_->handle ? sqlite3_errmsg(db_->handle) : "out of memory";
    sqlite3_close(db_->handle);
    throw std::runtime_error("cannot open " + file + ": " + message);
  }
  // The service may be writing right now.
  sqlite3_busy_timeout(db_->handle, 10000);
}

store_audit::~store_audit() {
  sqlite3_close(db_->handle);
}

std::string store_audit::integrity_check() {
  statement st(db_->handle, "PRAGMA integrity_check");
  std::string out;
  while (st.step()) out += (out.empty() ? "" : "\n") + st.text(0);
  return out;
}

std::map<std::string, std::string> store_audit::statuses(const std::vector<std::string>& ids) {
  std::map<std::string, std::string> out;
  statement st(db_->handle, "SELECT status FROM bookings WHERE id = ?1");
  for (const auto& id : ids) {
    st.reset();
    st.bind(1, id);
    out[id] = st.step() ? st.text(0) : "";
  }
  return out;
}

std::vector<std::string> store_audit::capacity_violations() {
  // Occupancy only rises at a booking's start, so checking every start covers every moment.
  statement st(db_->handle, fmt::format(R"sql(
    SELECT s.name, s.mode, s.capacity, b.id, b.start_at, b.seats,
      (SELECT COALESCE(SUM(o.seats), 0) FROM bookings o WHERE o.space_id = b.space_id
         AND o.status IN {0} AND o.start_at <= b.start_at AND o.end_at > b.start_at),
      (SELECT COUNT(*) FROM bookings o WHERE o.space_id = b.space_id
         AND o.status IN {0} AND o.start_at <= b.start_at AND o.end_at > b.start_at)
    FROM bookings b JOIN spaces s ON s.id = b.space_id WHERE b.status IN {0})sql",
                                        active));
  std::vector<std::string> out;
  while (st.step()) {
    const auto mode = st.text(1);
    const long capacity = st.integer(2), seats = st.integer(5), taken = st.integer(6),
               overlapping = st.integer(7);
    const bool over = mode == "shared" ? taken > capacity : (overlapping > 1 || seats > capacity);
    if (over)
      out.push_back(fmt::format("{} ({}, capacity {}) at {}: {} seats in {} bookings (booking {})",
                                st.text(0), mode, capacity, st.integer(4), taken, overlapping,
                                st.text(3)));
  }
  return out;
}

long store_audit::count_active_bookings() {
  statement st(db_->handle,
               fmt::format("SELECT COUNT(*) FROM bookings WHERE status IN {}", active));
  return st.step() ? st.integer(0) : 0;
}

}  // namespace hubgate::stress
