// A fresh SQLite store in a temporary directory, with a Berlin site, a room, a shared pool of
// three seats and a few users, for the store tests.
#pragma once
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "booking/store/database.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::store::testing {

using namespace std::chrono_literals;

inline domain::sys_seconds utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
  return domain::sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{h} + std::chrono::minutes{mi};
}

class store_fixture : public ::testing::Test {
 protected:
  hubgate::test::temp_dir dir{"hubgate-store"};
  std::unique_ptr<database> db;
  const domain::sys_seconds now = utc(2027, 5, 1, 8);

  void SetUp() override {
    reopen();
    domain::site site{"site1", "Hub", "Europe/Berlin", domain::weekly_hours::always_open(), {}};
    ASSERT_TRUE(db->catalog().insert_site(site));
    ASSERT_TRUE(db->catalog().insert_space(make_space("room", domain::booking_mode::exclusive, 6)));
    ASSERT_TRUE(db->catalog().insert_space(make_space("pool", domain::booking_mode::shared, 3)));
    for (int i = 1; i <= 64; ++i) {
      domain::user u;
      // Appended, not "u" + to_string(i): g++ 12 warns falsely (-Wrestrict) on the latter.
      u.id = "u";
      u.id += std::to_string(i);
      u.email = u.id + "@hub.example";
      u.display_name = "User ";
      u.display_name += std::to_string(i);
      u.created_at = now;
      ASSERT_TRUE(db->users().insert_user(u, "scrypt$hash"));
    }
  }

  void reopen(sqlite_options options = {}) {
    db.reset();
    auto opened = open_sqlite(dir.path(), options);
    ASSERT_TRUE(opened) << opened.error().message();
    db = std::move(*opened);
  }

  static domain::space make_space(std::string id, domain::booking_mode mode, int capacity) {
    domain::space s;
    s.id = std::move(id);
    s.site_id = "site1";
    s.name = s.id;
    s.mode = mode;
    s.capacity = capacity;
    return s;
  }

 public:
  // Also for tests that need no database.
  static domain::booking make_booking(std::string space, std::string user,
                                      domain::sys_seconds start, domain::sys_seconds end,
                                      int seats = 1) {
    domain::booking b;
    b.space_id = std::move(space);
    b.user_id = std::move(user);
    b.start = start;
    b.end = end;
    b.seats = seats;
    b.title = "Work";
    b.created_at = utc(2027, 5, 1, 8);
    return b;
  }
};

}  // namespace hubgate::store::testing
