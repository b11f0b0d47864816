// The baseline: the same conflict-checked booking insert as the store, written directly
// against the SQLite C API with the same pragmas, one writer thread and the same group
// size, and nothing else (no repositories, no records, no domain types).
#pragma once
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <future>
#include <mutex>
#include <string>
#include <thread>

struct sqlite3;
struct sqlite3_stmt;

namespace hubgate::bench {

struct raw_booking {
  std::string id, space_id, user_id;
  std::int64_t start = 0, end = 0;
  int seats = 1;
};

class raw_sqlite_writer {
 public:
  raw_sqlite_writer(const std::filesystem::path& file, int group);
  ~raw_sqlite_writer();
  bool ok() const { return db_ != nullptr; }
  // true: inserted; false: refused (conflict) or failed. Blocks until committed.
  bool insert(raw_booking b);
  std::size_t commits() const { return commits_; }

 private:
  struct job {
    raw_booking booking;
    std::promise<bool> done;
  };
  void loop();
  bool admit(const raw_booking& b);

  sqlite3* db_ = nullptr;
  sqlite3_stmt* space_ = nullptr;
  sqlite3_stmt* overlap_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
  int group_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<job> queue_;
  bool stopping_ = false;
  std::size_t commits_ = 0;
  std::thread thread_;
};

}  // namespace hubgate::bench
