#include "booking/store/sqlite_connection.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace hubgate::store {

failure sqlite_failure(sqlite3* db, int rc, std::string_view what) {
  errc e = errc::sqlite_error;
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: e = errc::busy; break;
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN: e = errc::io_error; break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB: e = errc::corrupt; break;
    case SQLITE_CONSTRAINT: e = errc::constraint; break;
    default: break;
  }
  return failure(make_error_code(e),
                 fmt::format("{}: {}", what, db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
}

statement::~statement() {
  if (stmt_) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
}

statement& statement::bind(int i, std::string_view v) {
  sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  return *this;
}
statement& statement::bind(int i, std::int64_t v) {
  sqlite3_bind_int64(stmt_, i, v);
  return *this;
}
statement& statement::bind(int i, double v) {
  sqlite3_bind_double(stmt_, i, v);
  return *this;
}
statement& statement::bind_null(int i) {
  sqlite3_bind_null(stmt_, i);
  return *this;
}

outcome<bool> statement::step() {
  int rc = sqlite3_step(stmt_);
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

std::string statement::text(int col) const {
  auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
  return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)))
           : std::string();
}
std::int64_t statement::integer(int col) const { return sqlite3_column_int64(stmt_, col); }
double statement::real(int col) const { return sqlite3_column_double(stmt_, col); }
bool statement::is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
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
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_NOMUTEX |
              (m == mode::writer ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                 : SQLITE_OPEN_READONLY);
  int rc = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    auto f = sqlite_failure(db, rc, "open");
    f.code = make_error_code(errc::open_failed);
    sqlite3_close(db);
    return f;
  }
  std::unique_ptr<connection> c(new connection(db));
  sqlite3_busy_timeout(db, busy_timeout_ms);
  sqlite3_extended_result_codes(db, 1);
  std::string pragmas = fmt::format(
      "PRAGMA foreign_keys=ON; PRAGMA synchronous={}; {}", durable ? "FULL" : "OFF",
      m == mode::writer ? "PRAGMA journal_mode=WAL;" : "PRAGMA query_only=ON;");
  if (auto r = c->exec(pragmas.c_str()); !r) {
    auto f = r.error();
    f.code = make_error_code(errc::open_failed);
    return f;
  }
  return c;
}

connection::~connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

outcome<statement> connection::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* stmt = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
    if (rc != SQLITE_OK) return sqlite_failure(db_, rc, "prepare");
    it = cache_.emplace(std::string(sql), stmt).first;
  }
  return statement(db_, it->second);
}

outcome<void> connection::exec(const char* sql) {
  char* msg = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &msg);
  sqlite3_free(msg);
  if (rc != SQLITE_OK) return sqlite_failure(db_, rc, "exec");
  return {};
}

std::int64_t connection::changes() const { return sqlite3_changes64(db_); }

}  // namespace hubgate::store
