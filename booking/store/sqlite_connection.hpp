// One SQLite connection with a cache of prepared statements, and the statement the
// repositories bind and read through, with the store's error values over the shared SQLite
// wrapper (common/sqlite). Internal to booking/store.
#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "booking/domain/failure.hpp"
#include "booking/store/store_errc.hpp"
#include "protocol/sqlite/database.hpp"
#include "protocol/sqlite/statement.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace hubgate::store {

using domain::failure;
using domain::outcome;

// A prepared statement borrowed from a connection's cache; reset and unbound when released.
class statement {
 public:
  statement(sqlite3* db, sqlite::statement* stmt) : db_(db), stmt_(stmt) {}
  statement(statement&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;
  statement& operator=(statement&&) = delete;
  ~statement();

  // Parameters are 1-based, as in SQLite.
  statement& bind(int i, std::string_view v) { return stmt_->bind(i, v), *this; }
  statement& bind(int i, const char* v) { return bind(i, std::string_view(v)); }
  statement& bind(int i, const std::string& v) { return bind(i, std::string_view(v)); }
  statement& bind(int i, std::int64_t v) { return stmt_->bind(i, v), *this; }
  statement& bind(int i, int v) { return bind(i, static_cast<std::int64_t>(v)); }
  statement& bind(int i, bool v) { return bind(i, static_cast<std::int64_t>(v ? 1 : 0)); }
  statement& bind(int i, double v) { return stmt_->bind(i, v), *this; }
  statement& bind_null(int i) { return stmt_->bind_null(i), *this; }
  template <class T>
  statement& bind(int i, const std::optional<T>& v) {
    return v ? bind(i, *v) : bind_null(i);
  }

  // true: a row is available; false: done.
  outcome<bool> step();
  // Runs to completion (for INSERT/UPDATE/DELETE).
  outcome<void> run();

  // Columns are 0-based, as in SQLite.
  std::string text(int col) const { return std::string(stmt_->column_text(col)); }
  std::int64_t integer(int col) const { return stmt_->column_int64(col); }
  double real(int col) const { return stmt_->column_double(col); }
  bool is_null(int col) const { return stmt_->column_is_null(col); }
  std::optional<std::string> optional_text(int col) const;
  std::optional<std::int64_t> optional_integer(int col) const;

 private:
  sqlite3* db_;
  sqlite::statement* stmt_;
};

class connection {
 public:
  enum class mode { writer, reader };
  static outcome<std::unique_ptr<connection>> open(const std::filesystem::path& file, mode m,
                                                   int busy_timeout_ms, bool durable);
  ~connection();
  connection(const connection&) = delete;
  connection& operator=(const connection&) = delete;

  // A cached prepared statement for `sql` (prepared on first use).
  outcome<statement> prepare(std::string_view sql);
  // Runs one or more statements without results (schema, BEGIN/COMMIT, SAVEPOINT).
  outcome<void> exec(const char* sql);
  std::int64_t changes() const;
  sqlite3* raw() const { return db_.raw(); }

 private:
  explicit connection(sqlite::database db) : db_(std::move(db)) {}
  sqlite::database db_;
  // Declared after db_: the statements are finalized before the connection closes.
  std::map<std::string, sqlite::statement, std::less<>> cache_;
};

// Maps an SQLite result code (and the connection's message) to a store failure.
failure sqlite_failure(sqlite3* db, int rc, std::string_view what);

}  // namespace hubgate::store
