// A prepared SQLite statement owned RAII-style, with the few bind/step helpers the local
// store needs. Internal to door_controller/cache.
#pragma once
#include <sqlite3.h>

#include <cstdint>
#include <string_view>

namespace hubgate::door {

class sqlite_statement {
 public:
  sqlite_statement(sqlite3* db, std::string_view sql) noexcept;
  ~sqlite_statement() { sqlite3_finalize(stmt_); }
  sqlite_statement(const sqlite_statement&) = delete;
  sqlite_statement& operator=(const sqlite_statement&) = delete;

  bool ok() const noexcept { return stmt_ != nullptr; }
  // Binding fails only on programming errors; those surface as a failed step().
  void bind(int index, std::int64_t value) noexcept { sqlite3_bind_int64(stmt_, index, value); }
  void bind(int index, std::string_view text) noexcept {
    sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  }
  void bind_null(int index) noexcept { sqlite3_bind_null(stmt_, index); }
  // SQLITE_ROW, SQLITE_DONE or an error code.
  int step() noexcept { return sqlite3_step(stmt_); }
  void reset() noexcept {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }

  std::int64_t column_int64(int i) const noexcept { return sqlite3_column_int64(stmt_, i); }
  bool column_is_null(int i) const noexcept { return sqlite3_column_type(stmt_, i) == SQLITE_NULL; }
  std::string_view column_text(int i) const noexcept {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
    return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
             : std::string_view();
  }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

inline sqlite_statement::sqlite_statement(sqlite3* db, std::string_view sql) noexcept {
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) !=
      SQLITE_OK)
    stmt_ = nullptr;
}

}  // namespace hubgate::door
