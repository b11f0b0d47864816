#include "raw_sqlite_writer.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace {
// The seeded spaces' maximum booking duration (12 h): the lower bound of overlap seeks.
constexpr std::int64_t longest_booking = 43200;
}  // namespace

namespace hubgate::bench {

raw_sqlite_writer::raw_sqlite_writer(const std::filesystem::path& file, int group) : group_(group) {
  if (sqlite3_open(file.c_str(), &db_) != SQLITE_OK) {
    sqlite3_close(db_);
    db_ = nullptr;
    return;
  }
  sqlite3_busy_timeout(db_, 5000);
  sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
               nullptr, nullptr, nullptr);
  sqlite3_prepare_v2(db_, "SELECT capacity, mode, active FROM spaces WHERE id = ?1", -1, &space_,
                     nullptr);
  sqlite3_prepare_v2(db_,
                     "SELECT start_at, end_at, seats, status FROM bookings WHERE space_id = ?1"
                     " AND start_at >= ?4 AND start_at < ?3 AND end_at > ?2",
                     -1, &overlap_, nullptr);
  sqlite3_prepare_v2(db_,
                     "INSERT INTO bookings(id, space_id, user_id, start_at, end_at, seats, title,"
                     " status, created_at) VALUES(?1, ?2, ?3, ?4, ?5, ?6, 'bench', 'confirmed', 0)",
                     -1, &insert_, nullptr);
  thread_ = std::thread([this] { loop(); });
}

raw_sqlite_writer::~raw_sqlite_writer() {
  if (thread_.joinable()) {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
  }
  sqlite3_finalize(space_);
  sqlite3_finalize(overlap_);
  sqlite3_finalize(insert_);
  sqlite3_close(db_);
}

bool raw_sqlite_writer::insert(raw_booking b) {
  job j{std::move(b), {}};
  auto f = j.done.get_future();
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(j));
  }
  wake_.notify_one();
  return f.get();
}

bool raw_sqlite_writer::admit(const raw_booking& b) {
  sqlite3_bind_text(space_, 1, b.space_id.c_str(), -1, SQLITE_STATIC);
  bool found = sqlite3_step(space_) == SQLITE_ROW;
  int capacity = found ? sqlite3_column_int(space_, 0) : 0;
  bool exclusive =
      found && std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(space_, 1))) ==
                   "exclusive";
  bool active = found && sqlite3_column_int(space_, 2) != 0;
  sqlite3_reset(space_);
  if (!found || !active || b.seats > capacity) return false;

  sqlite3_bind_text(overlap_, 1, b.space_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(overlap_, 2, b.start);
  sqlite3_bind_int64(overlap_, 3, b.end);
  // The same seek as the store's: no booking is longer than a space's maximum duration.
  sqlite3_bind_int64(overlap_, 4, b.start - longest_booking);
  std::vector<std::pair<std::int64_t, int>> events;
  bool any = false;
  while (sqlite3_step(overlap_) == SQLITE_ROW) {
    const auto status =
        std::string_view(reinterpret_cast<const char*>(sqlite3_column_text(overlap_, 3)));
    if (status != "pending" && status != "confirmed" && status != "checked_in") continue;
    any = true;
    int seats = sqlite3_column_int(overlap_, 2);
    events.emplace_back(std::max<std::int64_t>(sqlite3_column_int64(overlap_, 0), b.start), seats);
    events.emplace_back(std::min<std::int64_t>(sqlite3_column_int64(overlap_, 1), b.end), -seats);
  }
  sqlite3_reset(overlap_);
  if (exclusive && any) return false;
  std::sort(events.begin(), events.end());
  int used = 0;
  for (auto [t, d] : events)
    if ((used += d) + b.seats > capacity) return false;

  sqlite3_bind_text(insert_, 1, b.id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(insert_, 2, b.space_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(insert_, 3, b.user_id.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_int64(insert_, 4, b.start);
  sqlite3_bind_int64(insert_, 5, b.end);
  sqlite3_bind_int(insert_, 6, b.seats);
  bool ok = sqlite3_step(insert_) == SQLITE_DONE;
  sqlite3_reset(insert_);
  return ok;
}

void raw_sqlite_writer::loop() {
  for (;;) {
    std::deque<job> batch;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      while (!queue_.empty() && static_cast<int>(batch.size()) < group_) {
        batch.push_back(std::move(queue_.front()));
        queue_.pop_front();
      }
    }
    std::vector<bool> results;
    sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (auto& j : batch) {
      sqlite3_exec(db_, "SAVEPOINT op", nullptr, nullptr, nullptr);
      bool ok = admit(j.booking);
      if (!ok) sqlite3_exec(db_, "ROLLBACK TO op", nullptr, nullptr, nullptr);
      sqlite3_exec(db_, "RELEASE op", nullptr, nullptr, nullptr);
      results.push_back(ok);
    }
    bool committed = sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) == SQLITE_OK;
    ++commits_;
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i].done.set_value(committed && results[i]);
  }
}

}  // namespace hubgate::bench
