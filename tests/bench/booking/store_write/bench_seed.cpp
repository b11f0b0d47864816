#include "bench_seed.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

#include <cstdio>

#include "booking/store/database.hpp"

namespace hubgate::bench {
namespace {

using namespace std::chrono;

const sys_seconds base = date::sys_days{date::year{2030} / 1 / 7};  // a Monday

bool exec(sqlite3* db, const std::string& sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &msg) == SQLITE_OK) return true;
  std::fprintf(stderr, "seed: %s\n", msg ? msg : "?");
  sqlite3_free(msg);
  return false;
}

}  // namespace

std::string space_id(int index) {
  return fmt::format("sp{:04}", index);
}
std::string user_id(int index) {
  return fmt::format("u{:03}", index);
}

int planned_space(const bench_shape& shape, int k) {
  return k % shape.spaces;
}

sys_seconds planned_start(const bench_shape& shape, int k) {
  return base + hours{2 * (k / shape.spaces)};
}

bool seed(const std::filesystem::path& data_dir, const bench_shape& shape) {
  {
    auto db = store::open_sqlite(data_dir);  // creates the file with the store's schema
    if (!db) {
      std::fprintf(stderr, "seed: %s\n", db.error().message().c_str());
      return false;
    }
  }
  sqlite3* db = nullptr;
  if (sqlite3_open((data_dir / "hubgate.db").c_str(), &db) != SQLITE_OK) return false;
  const std::string always =
      "[[[0,1440]],[[0,1440]],[[0,1440]],[[0,1440]],[[0,1440]],"
      "[[0,1440]],[[0,1440]]]";
  bool ok =
      exec(db, "BEGIN") &&
      exec(db, fmt::format("INSERT INTO sites VALUES('site1','Hub','Europe/Berlin','{}','[]')",
                           always));
  for (int s = 0; ok && s < shape.spaces; ++s) {
    // Alternate exclusive rooms and shared pools of four seats.
    ok = exec(db,
              fmt::format("INSERT INTO spaces VALUES('{}','site1','Space {}','room',4,'{}',"
                          "'{{\"floor\":0,\"x\":0,\"y\":0,\"w\":1,\"h\":1}}','[]',NULL,'[]',"
                          "'{{\"min\":900,\"max\":43200,\"lead\":0,\"days\":3650,\"buffer\":0}}',"
                          "'[]',0,900,0,1)",
                          space_id(s), s, s % 2 ? "shared" : "exclusive"));
  }
  for (int u = 0; ok && u < shape.users; ++u)
    ok = exec(db, fmt::format("INSERT INTO users VALUES('{}','{}@bench.example','User','member',"
                              "'[]',1,'en','x',0)",
                              user_id(u), user_id(u)));
  sqlite3_stmt* st = nullptr;
  // Columns named: later migrations add columns with defaults (revision, updated_at).
  ok = ok && sqlite3_prepare_v2(db,
                                "INSERT INTO bookings(id, space_id, user_id, start_at, end_at,"
                                " seats, title, status, created_at) VALUES(?1,?2,?3,?4,?5,1,"
                                "'seed','confirmed',0)",
                                -1, &st, nullptr) == SQLITE_OK;
  if (!ok) std::fprintf(stderr, "seed: %s\n", sqlite3_errmsg(db));
  for (int i = 0; ok && i < shape.existing; ++i) {
    auto start = planned_start(shape, i) + hours{1};
    auto id = fmt::format("seed{:07}", i);
    auto sp = space_id(planned_space(shape, i));
    auto us = user_id(i % shape.users);
    sqlite3_bind_text(st, 1, id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, sp.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, us.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 4, start.time_since_epoch().count());
    sqlite3_bind_int64(st, 5, (start + hours{1}).time_since_epoch().count());
    ok = sqlite3_step(st) == SQLITE_DONE;
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  ok = ok && exec(db, "COMMIT") && exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
  sqlite3_close(db);
  return ok;
}

}  // namespace hubgate::bench
