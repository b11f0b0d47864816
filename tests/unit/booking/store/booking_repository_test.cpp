#include <functional>
#include <future>
#include <optional>
#include <string>

#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using booking_repository_test = store_fixture;
using domain::booking_status;

TEST_F(booking_repository_test, insert_assigns_an_id_and_reads_back) {
  auto b = db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  ASSERT_TRUE(b) << b.error().message;
  EXPECT_EQ(b->id.rfind("bk_", 0), 0u);
  auto back = db->bookings().get_booking(b->id);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *b);
  EXPECT_TRUE(db->bookings().get_booking("bk_none").error().is(domain::errc::not_found));
}

TEST_F(booking_repository_test, exclusive_conflict_and_buffer_are_enforced) {
  auto room = *db->catalog().get_space("room");
  room.rules.buffer = 15min;
  ASSERT_TRUE(db->catalog().update_space(room, now));
  ASSERT_TRUE(db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt));
  auto clash = db->bookings().insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 9, 30), utc(2027, 5, 3, 11)), std::nullopt);
  EXPECT_TRUE(clash.error().is(domain::errc::booking_conflict));
  auto close = db->bookings().insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 10, 5), utc(2027, 5, 3, 11)), std::nullopt);
  EXPECT_TRUE(close.error().is(domain::errc::buffer_conflict));
  EXPECT_TRUE(db->bookings().insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 10, 15), utc(2027, 5, 3, 11)), std::nullopt));
}

TEST_F(booking_repository_test, quota_is_read_in_the_same_transaction) {
  domain::quota_check quota{"Europe/Berlin", 3h};
  ASSERT_TRUE(db->bookings().insert_booking(
      make_booking("pool", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 11)), quota));
  auto over = db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 4, 9), utc(2027, 5, 4, 10, 30)), quota);
  EXPECT_TRUE(over.error().is(domain::errc::quota_exceeded));
  EXPECT_TRUE(db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 4, 9), utc(2027, 5, 4, 10)), quota));
}

TEST_F(booking_repository_test, inactive_space_refuses_bookings) {
  auto room = *db->catalog().get_space("room");
  room.active = false;
  ASSERT_TRUE(db->catalog().update_space(room, now));
  EXPECT_TRUE(
      db->bookings()
          .insert_booking(make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)),
                          std::nullopt)
          .error()
          .is(domain::errc::space_inactive));
}

TEST_F(booking_repository_test, list_filters_by_user_space_time_and_status) {
  auto a = *db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  auto b = *db->bookings().insert_booking(
      make_booking("pool", "u1", utc(2027, 5, 4, 9), utc(2027, 5, 4, 10)), std::nullopt);
  auto c = *db->bookings().insert_booking(
      make_booking("pool", "u2", utc(2027, 5, 5, 9), utc(2027, 5, 5, 10)), std::nullopt);
  ASSERT_TRUE(
      db->bookings().set_status(c.id, booking_status::confirmed, booking_status::cancelled));
  auto ids = [&](domain::booking_filter f) {
    std::vector<std::string> out;
    for (const auto& x : *db->bookings().list_bookings(f)) out.push_back(x.id);
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<std::string>{a.id, b.id, c.id}));
  domain::booking_filter f;
  f.user_id = "u1";
  EXPECT_EQ(ids(f), (std::vector<std::string>{a.id, b.id}));
  f = {};
  f.space_id = "pool";
  EXPECT_EQ(ids(f), (std::vector<std::string>{b.id, c.id}));
  f = {};
  f.from = utc(2027, 5, 3, 10);  // a ends exactly then: excluded
  f.to = utc(2027, 5, 5, 9);     // c starts exactly then: excluded
  EXPECT_EQ(ids(f), (std::vector<std::string>{b.id}));
  f = {};
  f.statuses = {booking_status::cancelled, booking_status::released};
  EXPECT_EQ(ids(f), (std::vector<std::string>{c.id}));
  f = {};
  f.limit = 1;
  EXPECT_EQ(ids(f).size(), 1u);
}

TEST_F(booking_repository_test, set_status_is_compare_and_set) {
  auto b = *db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  auto in = db->bookings().set_status(b.id, booking_status::confirmed, booking_status::checked_in,
                                      utc(2027, 5, 3, 9, 2));
  ASSERT_TRUE(in);
  EXPECT_EQ(in->status, booking_status::checked_in);
  EXPECT_EQ(in->checked_in_at, utc(2027, 5, 3, 9, 2));
  auto stale = db->bookings().set_status(b.id, booking_status::confirmed, booking_status::released);
  ASSERT_FALSE(stale);
  EXPECT_TRUE(stale.error().is(domain::errc::invalid_transition));
  EXPECT_EQ(db->bookings().get_booking(b.id)->status, booking_status::checked_in);
  EXPECT_TRUE(db->bookings()
                  .set_status("bk_none", booking_status::confirmed, booking_status::cancelled)
                  .error()
                  .is(domain::errc::not_found));
}

TEST_F(booking_repository_test, cancelled_booking_frees_the_space) {
  auto b = *db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  ASSERT_TRUE(
      db->bookings().set_status(b.id, booking_status::confirmed, booking_status::cancelled));
  EXPECT_TRUE(db->bookings().insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt));
}

// Waits for change_status_then's outcome (it arrives on the store's delivery thread).
domain::outcome<domain::booking> change_status(
    domain::booking_repository& repo, const std::string& id,
    std::function<domain::outcome<domain::status_change>(const domain::booking&)> decide) {
  std::promise<domain::outcome<domain::booking>> result;
  auto future = result.get_future();
  repo.change_status_then(id, std::move(decide), [&result](domain::outcome<domain::booking> r) {
    result.set_value(std::move(r));
  });
  return future.get();
}

TEST_F(booking_repository_test, change_status_then_decides_on_the_stored_booking_in_one_write) {
  auto b = *db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  std::optional<booking_status> seen;
  auto in = change_status(db->bookings(), b.id, [&seen](const domain::booking& stored) {
    seen = stored.status;
    return domain::outcome<domain::status_change>(
        domain::status_change{booking_status::checked_in, utc(2027, 5, 3, 9, 2)});
  });
  ASSERT_TRUE(in) << in.error().message;
  EXPECT_EQ(seen, booking_status::confirmed);
  EXPECT_EQ(in->status, booking_status::checked_in);
  EXPECT_EQ(in->checked_in_at, utc(2027, 5, 3, 9, 2));
  EXPECT_EQ(db->bookings().get_booking(b.id)->status, booking_status::checked_in);

  auto refused = change_status(db->bookings(), b.id, [](const domain::booking&) {
    return domain::outcome<domain::status_change>(domain::failure(domain::errc::forbidden, "no"));
  });
  ASSERT_FALSE(refused);
  EXPECT_TRUE(refused.error().is(domain::errc::forbidden));
  EXPECT_EQ(db->bookings().get_booking(b.id)->status, booking_status::checked_in);

  auto absent = change_status(db->bookings(), "bk_none", [](const domain::booking&) {
    return domain::outcome<domain::status_change>(
        domain::status_change{booking_status::cancelled, {}});
  });
  EXPECT_TRUE(absent.error().is(domain::errc::not_found));
}

TEST_F(booking_repository_test, a_cancellation_through_change_status_then_frees_the_space_at_once) {
  auto b = *db->bookings().insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  const domain::space_window hour[] = {{"room", {utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)}}};
  ASSERT_EQ(db->bookings().list_active_slots(hour)->of(0).size(), 1u);
  ASSERT_TRUE(change_status(db->bookings(), b.id, [](const domain::booking&) {
    return domain::outcome<domain::status_change>(
        domain::status_change{booking_status::cancelled, {}});
  }));
  EXPECT_TRUE(db->bookings().list_active_slots(hour)->of(0).empty()) << "the occupancy index knows";
  EXPECT_TRUE(db->bookings().insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt));
}

}  // namespace
}  // namespace hubgate::store
