// revise_booking_then: an edited booking is checked and written in the transaction that reads
// it, and a refused edit leaves the row and the occupancy index as they were.
#include <functional>
#include <future>

#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using booking_revision_test = store_fixture;
using domain::booking;

using reviser = std::function<domain::outcome<domain::booking_admission>(const booking&)>;

domain::outcome<booking> revise(domain::booking_repository& repo, std::string_view id,
                                reviser how) {
  std::promise<domain::outcome<booking>> done;
  auto result = done.get_future();
  repo.revise_booking_then(id, std::move(how),
                           [&done](domain::outcome<booking> r) { done.set_value(std::move(r)); });
  return result.get();
}

// A reviser that moves the booking to [from, to) with the quota given.
reviser move_to(domain::sys_seconds from, domain::sys_seconds to,
                const std::optional<domain::quota_check>& quota = std::nullopt) {
  return [from, to, quota](const booking& b) {
    booking changed = b;
    changed.start = from;
    changed.end = to;
    return domain::outcome<domain::booking_admission>(domain::booking_admission{changed, quota});
  };
}

std::size_t slots_in(domain::booking_repository& repo, std::string_view space,
                     domain::sys_seconds from, domain::sys_seconds to) {
  const domain::space_window w[] = {{space, {from, to}}};
  return repo.list_active_slots(w)->of(0).size();
}

TEST_F(booking_revision_test, a_revision_moves_the_row_and_the_occupancy_index) {
  auto& repo = db->bookings();
  auto b = *repo.insert_booking(make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)),
                                std::nullopt);
  auto moved = revise(repo, b.id, move_to(utc(2027, 5, 3, 11), utc(2027, 5, 3, 12)));
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(moved->id, b.id);
  EXPECT_EQ(moved->start, utc(2027, 5, 3, 11));
  EXPECT_EQ(*repo.get_booking(b.id), *moved);
  EXPECT_EQ(slots_in(repo, "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), 0u);
  EXPECT_EQ(slots_in(repo, "room", utc(2027, 5, 3, 11), utc(2027, 5, 3, 12)), 1u);
  EXPECT_TRUE(repo.insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt));
  EXPECT_TRUE(
      repo.insert_booking(make_booking("room", "u2", utc(2027, 5, 3, 11, 30), utc(2027, 5, 3, 13)),
                          std::nullopt)
          .error()
          .is(domain::errc::booking_conflict));
}

TEST_F(booking_revision_test, a_refused_revision_changes_nothing) {
  auto& repo = db->bookings();
  auto mine = *repo.insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  ASSERT_TRUE(repo.insert_booking(
      make_booking("room", "u2", utc(2027, 5, 3, 11), utc(2027, 5, 3, 12)), std::nullopt));
  auto clash = revise(repo, mine.id, move_to(utc(2027, 5, 3, 10, 30), utc(2027, 5, 3, 11, 30)));
  EXPECT_TRUE(clash.error().is(domain::errc::booking_conflict));
  auto refused = revise(repo, mine.id, [](const booking&) {
    return domain::outcome<domain::booking_admission>(
        domain::failure(domain::errc::forbidden, "no"));
  });
  EXPECT_TRUE(refused.error().is(domain::errc::forbidden));
  EXPECT_EQ(*repo.get_booking(mine.id), mine);
  EXPECT_EQ(slots_in(repo, "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), 1u);
  EXPECT_TRUE(revise(repo, "bk_none", move_to(utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)))
                  .error()
                  .is(domain::errc::not_found));
}

TEST_F(booking_revision_test, the_booking_counts_once_for_capacity_and_quota) {
  auto& repo = db->bookings();
  domain::quota_check quota{"Europe/Berlin", 3h};
  auto desk = *repo.insert_booking(
      make_booking("pool", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 11), 3), quota);
  EXPECT_TRUE(revise(repo, desk.id, move_to(utc(2027, 5, 3, 9), utc(2027, 5, 3, 12), quota)));
  EXPECT_TRUE(revise(repo, desk.id, move_to(utc(2027, 5, 3, 9), utc(2027, 5, 3, 13), quota))
                  .error()
                  .is(domain::errc::quota_exceeded));
  EXPECT_EQ(repo.get_booking(desk.id)->end, utc(2027, 5, 3, 12));
}

TEST_F(booking_revision_test, a_revision_into_another_space_is_checked_there) {
  auto& repo = db->bookings();
  auto b = *repo.insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 2), std::nullopt);
  ASSERT_TRUE(repo.insert_booking(
      make_booking("pool", "u2", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10), 2), std::nullopt));
  auto to_pool = [](const booking& stored) {
    booking changed = stored;
    changed.space_id = "pool";
    return domain::outcome<domain::booking_admission>(
        domain::booking_admission{changed, std::nullopt});
  };
  EXPECT_TRUE(revise(repo, b.id, to_pool).error().is(domain::errc::booking_conflict));
  EXPECT_EQ(repo.get_booking(b.id)->space_id, "room");
  auto one_seat = [&to_pool](const booking& stored) {
    auto r = to_pool(stored);
    r->candidate.seats = 1;
    return r;
  };
  auto moved = revise(repo, b.id, one_seat);
  ASSERT_TRUE(moved) << moved.error().message;
  EXPECT_EQ(slots_in(repo, "room", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), 0u);
  EXPECT_EQ(slots_in(repo, "pool", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), 2u);
}

}  // namespace
}  // namespace hubgate::store
