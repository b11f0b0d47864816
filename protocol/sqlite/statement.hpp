// A prepared SQLite statement owned RAII-style, with the bind, step and column calls both
// stores read and write through. Part of the one SQLite wrapper (database.hpp).
#pragma once
#include <cstdint>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace hubgate::sqlite {

class statement {
 public:
  statement() = default;
  // Prepares `sql`; ok() is false when that failed and prepare_result() says why. A
  // persistent statement is one a connection keeps for many uses.
  statement(sqlite3* db, std::string_view sql, bool persistent = false) noexcept;
  ~statement();
  statement(statement&& other) noexcept;
  statement& operator=(statement&& other) noexcept;
  statement(const statement&) = delete;
  statement& operator=(const statement&) = delete;

  bool ok() const noexcept { return stmt_ != nullptr; }
  int prepare_result() const noexcept { return prepare_rc_; }

  // Parameters are 1-based. Binding fails only on programming errors; those surface as a
  // failed step().
  void bind(int index, std::int64_t value) noexcept;
  void bind(int index, std::string_view text) noexcept;  // copied (SQLITE_TRANSIENT)
  void bind(int index, double value) noexcept;
  void bind_null(int index) noexcept;
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() noexcept;
  // Ready to run again, with every parameter unbound.
  void reset() noexcept;

  // Columns are 0-based. Text is valid until the next step, reset or destruction.
  std::int64_t column_int64(int i) const noexcept;
  double column_double(int i) const noexcept;
  bool column_is_null(int i) const noexcept;
  std::string_view column_text(int i) const noexcept;

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int prepare_rc_ = 0;
};

}  // namespace hubgate::sqlite
