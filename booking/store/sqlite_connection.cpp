#include "booking/store/sqlite_connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace hubgate::store {

failure sqlite_failure(sqlite3* db, int rc, std::string_view what) {
  errc e = errc::sqlite_error;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      e = errc::busy;
      break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      e = errc::io_error;
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      e = errc::corrupt;
      break;
    case SQLITE_CONSTRAINT:
      e = errc::constraint;
      break;
    default:
      break;
  }
  return failure(make_error_code(e),
                 fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

statement::~statement() {
  if (stmt_) stmt_->reset();
}

outcome<bool> statement::step() {
  const int rc = stmt_->step();
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return sqlite_failure(db_, rc, "step");
}

outcome<void> statement::run() {
  for (;;) {
    auto r = step();
    if (!r) return r.error();
    if (!*r) return {};
  }
}

std::optional<std::string> statement::optional_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return text(col);
}
std::optional<std::int64_t> statement::optional_integer(int col) const {
  if (is_null(col)) return std::nullopt;
  return integer(col);
}

outcome<std::unique_ptr<connection>> connection::open(const std::filesystem::path& file, mode m,
                                                      int busy_timeout_ms, bool durable) {
  sqlite::database db;
  const int flags =
      SQLITE_OPEN_NOMUTEX |
      (m == mode::writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE : SQLITE_OPEN_READONLY);
  const int rc = db.open(file, flags);
  if (rc != SQLITE_OK) {
    auto f = sqlite_failure(db.raw(), rc, "open");
    f.code = make_error_code(errc::open_failed);
    return f;
  }
  std::unique_ptr<connection> c(new connection(std::move(db)));
  sqlite3_busy_timeout(c->raw(), busy_timeout_ms);
  sqlite3_extended_result_codes(c->raw(), 1);
  std::string pragmas =
      fmt::format("PRAGMA foreign_keys=ON; PRAGMA synchronous={}; {}", durable ? "FULL" : "OFF",
                  m == mode::writer ? "PRAGMA journal_mode=WAL;" : "PRAGMA query_only=ON;");
  if (auto r = c->exec(pragmas.c_str()); !r) {
    auto f = r.error();
    f.code = make_error_code(errc::open_failed);
    return f;
  }
  return c;
}

connection::~connection() = default;

outcome<statement> connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite::statement prepared(db_.raw(), sql, true);
    if (!prepared.ok()) return sqlite_failure(db_.raw(), prepared.prepare_result(), "prepare");
    it = cache_.emplace(std::string(sql), std::move(prepared)).first;
  }
  return statement(db_.raw(), &it->second);
}

outcome<void> connection::exec(const char* sql) {
  const int rc = db_.exec(sql);
  if (rc != SQLITE_OK) return sqlite_failure(db_.raw(), rc, "exec");
  return {};
}

std::int64_t connection::changes() const {
  return sqlite3_changes64(db_.raw());
}

}  // namespace hubgate::store
