#include "protocol/sqlite/statement.hpp"

#include <sqlite3.h>

#include <utility>

namespace hubgate::sqlite {

statement::statement(sqlite3* db, std::string_view sql, bool persistent) noexcept {
  prepare_rc_ = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                   persistent ? SQLITE_PREPARE_PERSISTENT : 0, &stmt_, nullptr);
  if (prepare_rc_ != SQLITE_OK) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }
}

statement::~statement() {
  sqlite3_finalize(stmt_);
}

statement::statement(statement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), prepare_rc_(other.prepare_rc_) {}

statement& statement::operator=(statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    prepare_rc_ = other.prepare_rc_;
  }
  return *this;
}

void statement::bind(int index, std::int64_t value) noexcept {
  sqlite3_bind_int64(stmt_, index, value);
}

void statement::bind(int index, std::string_view text) noexcept {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

void statement::bind(int index, double value) noexcept {
  sqlite3_bind_double(stmt_, index, value);
}

void statement::bind_null(int index) noexcept {
  sqlite3_bind_null(stmt_, index);
}

int statement::step() noexcept {
  return sqlite3_step(stmt_);
}

void statement::reset() noexcept {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::int64_t statement::column_int64(int i) const noexcept {
  return sqlite3_column_int64(stmt_, i);
}

double statement::column_double(int i) const noexcept {
  return sqlite3_column_double(stmt_, i);
}

bool statement::column_is_null(int i) const noexcept {
  return sqlite3_column_type(stmt_, i) == SQLITE_NULL;
}

std::string_view statement::column_text(int i) const noexcept {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, i));
  return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, i)))
           : std::string_view();
}

}  // namespace hubgate::sqlite
