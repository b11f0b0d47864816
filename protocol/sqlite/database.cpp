#include "protocol/sqlite/database.hpp"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace hubgate::sqlite {

database::~database() {
  close();
}

database::database(database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

database& database::operator=(database&& other) noexcept {
  if (this != &other) {
    close();
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

void database::close() noexcept {
  // _v2: statements still unfinalized keep the connection until they go, instead of an error.
  if (db_) sqlite3_close_v2(db_);
  db_ = nullptr;
}

int database::open(const std::filesystem::path& path, int flags) {
  close();
  return sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
}

int database::exec(std::string_view sql) {
  return sqlite::exec(db_, sql);
}

const char* database::message() const {
  return db_ ? sqlite3_errmsg(db_) : "out of memory";
}

int exec(sqlite3* db, std::string_view sql) {
  const std::string text(sql);  // sqlite3_exec needs a terminated string
  return sqlite3_exec(db, text.c_str(), nullptr, nullptr, nullptr);
}

immediate_transaction::immediate_transaction(sqlite3* db)
    : db_(db), begun_(exec(db, "BEGIN IMMEDIATE") == SQLITE_OK) {}

immediate_transaction::~immediate_transaction() {
  if (begun_ && !done_) exec(db_, "ROLLBACK");
}

bool immediate_transaction::commit() {
  done_ = exec(db_, "COMMIT") == SQLITE_OK;
  return done_;
}

}  // namespace hubgate::sqlite
