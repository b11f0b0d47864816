#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "booking/store/database.hpp"
#include "hubgate/test/temp_dir.hpp"

namespace hubgate::store {
namespace {

using namespace std::chrono_literals;

domain::sys_seconds utc(int y, unsigned m, unsigned d, int h = 0) {
  return domain::sys_seconds{date::sys_days{date::year{y} / date::month{m} / date::day{d}}} +
         std::chrono::hours{h};
}

class calendar_repository_test : public ::testing::Test {
 protected:
  hubgate::test::temp_dir dir{"hubgate-calendar"};
  std::unique_ptr<database> db;
  const domain::sys_seconds now = utc(2027, 5, 1, 8);

  void SetUp() override {
    auto opened = open_sqlite(dir.path());
    ASSERT_TRUE(opened) << opened.error().message();
    db = std::move(*opened);
    domain::site site{"site1", "Hub", "Europe/Berlin", domain::weekly_hours::always_open(), {}};
    ASSERT_TRUE(db->catalog().insert_site(site));
    domain::site other{"site2", "Annex", "Europe/Berlin", domain::weekly_hours::always_open(), {}};
    ASSERT_TRUE(db->catalog().insert_site(other));
    for (auto [id, site_id] : {std::pair{"room", "site1"}, std::pair{"annex", "site2"}}) {
      domain::space s;
      s.id = id;
      s.site_id = site_id;
      s.name = id;
      s.capacity = 4;
      ASSERT_TRUE(db->catalog().insert_space(s));
    }
    for (auto id : {"u1", "u2"}) {
      domain::user u;
      u.id = id;
      u.email = std::string(id) + "@hub.example";
      u.display_name = id;
      u.created_at = now;
      ASSERT_TRUE(db->users().insert_user(u, "scrypt$hash"));
    }
  }

  domain::booking book(std::string space, std::string user, domain::sys_seconds start) {
    domain::booking b;
    b.space_id = std::move(space);
    b.user_id = std::move(user);
    b.start = start;
    b.end = start + 2h;
    b.title = "Work";
    b.created_at = now;
    auto r = db->bookings().insert_booking(b, std::nullopt);
    EXPECT_TRUE(r) << r.error().message;
    return r ? *r : b;
  }
};

TEST_F(calendar_repository_test, token_is_found_until_rotated_or_revoked) {
  auto& feeds = db->calendar_feeds();
  EXPECT_FALSE(feeds.feed_of("u1").value().has_value());
  ASSERT_TRUE(feeds.put_feed("u1", "token-one", now));
  EXPECT_EQ(feeds.find_feed("token-one").value().user_id, "u1");
  ASSERT_TRUE(feeds.feed_of("u1").value().has_value());

  ASSERT_TRUE(feeds.put_feed("u1", "token-two", now + 1h));
  EXPECT_TRUE(feeds.find_feed("token-one").error().is(domain::errc::not_found));
  EXPECT_EQ(feeds.find_feed("token-two").value().created_at, now + 1h);

  ASSERT_TRUE(feeds.delete_feed("u1"));
  EXPECT_TRUE(feeds.find_feed("token-two").error().is(domain::errc::not_found));
  EXPECT_TRUE(feeds.delete_feed("u1").error().is(domain::errc::not_found));
}

TEST_F(calendar_repository_test, tokens_are_stored_hashed) {
  ASSERT_TRUE(db->calendar_feeds().put_feed("u1", "clear-feed-token", now));
  db.reset();
  // Nothing in the database file holds the clear token.
  std::string bytes;
  for (auto name : {"hubgate.db", "hubgate.db-wal"}) {
    std::ifstream in(dir.path() / name, std::ios::binary);
    bytes.append(std::istreambuf_iterator<char>(in), {});
  }
  EXPECT_EQ(bytes.find("clear-feed-token"), std::string::npos);
  EXPECT_NE(bytes.find("u1"), std::string::npos);
}

TEST_F(calendar_repository_test, each_status_change_raises_the_revision) {
  auto b = book("room", "u1", utc(2027, 5, 3, 8));
  auto first = db->calendar_feeds().feed_bookings("u1", now, 100).value();
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].revision, 0);
  EXPECT_EQ(first[0].updated_at, now);

  ASSERT_TRUE(db->bookings().set_status(b.id, domain::booking_status::confirmed,
                                        domain::booking_status::cancelled));
  auto second = db->calendar_feeds().feed_bookings("u1", now, 100).value();
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].revision, 1);
  EXPECT_EQ(second[0].record.status, domain::booking_status::cancelled);
  EXPECT_GE(second[0].updated_at, first[0].updated_at);

  // A refused transition changes nothing.
  EXPECT_FALSE(db->bookings().set_status(b.id, domain::booking_status::confirmed,
                                         domain::booking_status::cancelled));
  EXPECT_EQ(db->calendar_feeds().feed_bookings("u1", now, 100).value()[0].revision, 1);
}

TEST_F(calendar_repository_test, feed_bookings_are_the_users_own_from_a_time_on) {
  book("room", "u1", utc(2027, 4, 1, 8));  // ended before `from`
  auto kept = book("room", "u1", utc(2027, 5, 4, 8));
  book("room", "u2", utc(2027, 5, 5, 8));
  auto rows = db->calendar_feeds().feed_bookings("u1", utc(2027, 4, 15), 100).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].record.id, kept.id);
}

TEST_F(calendar_repository_test, site_bookings_overlap_the_range_in_that_site_only) {
  auto in_range = book("room", "u1", utc(2027, 5, 3, 23));  // runs past the range's end
  book("room", "u1", utc(2027, 5, 10, 8));                  // after it
  book("annex", "u2", utc(2027, 5, 3, 8));                  // another site
  auto rows = db->reports().site_bookings("site1", {utc(2027, 5, 3), utc(2027, 5, 4)}).value();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].id, in_range.id);
}

}  // namespace
}  // namespace hubgate::store
