// An SQLite connection handle owned RAII-style, the immediate-mode transaction guard, and
// the statement wrapper (statement.hpp): the one SQLite wrapper of the service's store and
// the board's local queue. Result codes are returned as SQLite gives them; each caller maps
// them onto its own error values.
#pragma once
#include <filesystem>
#include <string_view>

struct sqlite3;

namespace hubgate::sqlite {

class database {
 public:
  database() = default;
  ~database();
  database(database&& other) noexcept;
  database& operator=(database&& other) noexcept;
  database(const database&) = delete;
  database& operator=(const database&) = delete;

  // Opens `path` with SQLITE_OPEN_* `flags`; the SQLite result code. Even when that fails
  // the handle may be held (for message()) and is closed with this object.
  int open(const std::filesystem::path& path, int flags);
  // Runs one or more statements without results; the SQLite result code.
  int exec(std::string_view sql);
  // The last error's message on this connection.
  const char* message() const;
  sqlite3* raw() const noexcept { return db_; }

 private:
  void close() noexcept;
  sqlite3* db_ = nullptr;
};

// BEGIN IMMEDIATE takes the write lock up front, so a read-then-write cannot be invalidated
// by another writer between the two. Rolls back unless committed.
class immediate_transaction {
 public:
  explicit immediate_transaction(sqlite3* db);
  ~immediate_transaction();
  immediate_transaction(const immediate_transaction&) = delete;
  immediate_transaction& operator=(const immediate_transaction&) = delete;

  bool begun() const noexcept { return begun_; }
  bool commit();

 private:
  sqlite3* db_;
  bool begun_;
  bool done_ = false;
};

// Runs one or more statements without results on a borrowed connection; the result code.
int exec(sqlite3* db, std::string_view sql);

}  // namespace hubgate::sqlite
