// Statement execution and an immediate-mode transaction guard for the local store.
// Internal to door_controller/cache.
#pragma once
#include <sqlite3.h>

#include <string>
#include <string_view>

namespace hubgate::door {

// Runs one or more SQL statements without results; false on any error.
inline bool exec(sqlite3* db, std::string_view sql) {
  const std::string text(sql);  // sqlite3_exec needs a terminated string
  return sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK;
}

// BEGIN IMMEDIATE takes the write lock up front, so a read-then-write cannot be invalidated
// by another writer between the two. Rolls back unless committed.
class transaction {
 public:
  explicit transaction(sqlite3* db) : db_(db), begun_(exec(db, "BEGIN IMMEDIATE")) {}
  ~transaction() {
    if (begun_ && !done_) exec(db_, "ROLLBACK");
  }
  transaction(const transaction&) = delete;
  transaction& operator=(const transaction&) = delete;

  bool begun() const noexcept { return begun_; }
  bool commit() {
    done_ = exec(db_, "COMMIT");
    return done_;
  }

 private:
  sqlite3* db_;
  bool begun_;
  bool done_ = false;
};

}  // namespace hubgate::door
