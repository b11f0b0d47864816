// The read paths kept fast: the batched overlap read of an availability search, with its
// lower bound from the longest booking, and the catalogue snapshot with its invalidation.
#include <algorithm>
#include <initializer_list>
#include <tuple>
#include <vector>

#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using read_path_test = store_fixture;
using domain::booking_status;

// What a batch holds for the i-th space: interval, seats and status of each booking.
std::vector<std::tuple<domain::time_range, int, booking_status>> slots_of(
    const domain::slot_batch& batch, std::size_t i) {
  std::vector<std::tuple<domain::time_range, int, booking_status>> out;
  for (const auto& b : batch.of(i)) out.emplace_back(b.interval(), b.seats, b.status);
  return out;
}
std::vector<std::tuple<domain::time_range, int, booking_status>> as_slots(
    std::initializer_list<domain::booking> bookings) {
  std::vector<std::tuple<domain::time_range, int, booking_status>> out;
  for (const auto& b : bookings) out.emplace_back(b.interval(), b.seats, b.status);
  return out;
}

TEST_F(read_path_test, active_slots_of_many_spaces_in_one_read) {
  auto& repo = db->bookings();
  auto room = *repo.insert_booking(
      make_booking("room", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 10)), std::nullopt);
  auto pool = *repo.insert_booking(
      make_booking("pool", "u2", utc(2027, 5, 3, 9, 30), utc(2027, 5, 3, 12), 2), std::nullopt);
  auto later = *repo.insert_booking(
      make_booking("pool", "u3", utc(2027, 5, 3, 14), utc(2027, 5, 3, 15)), std::nullopt);
  auto gone = *repo.insert_booking(
      make_booking("room", "u4", utc(2027, 5, 3, 10), utc(2027, 5, 3, 11)), std::nullopt);
  ASSERT_TRUE(repo.set_status(gone.id, booking_status::confirmed, booking_status::cancelled));

  const domain::space_window windows[] = {{"room", {utc(2027, 5, 3, 9, 45), utc(2027, 5, 3, 13)}},
                                          {"pool", {utc(2027, 5, 3, 11), utc(2027, 5, 3, 13)}},
                                          {"nowhere", {utc(2027, 5, 3, 0), utc(2027, 5, 4, 0)}}};
  auto slots = repo.list_active_slots(windows);
  ASSERT_TRUE(slots) << slots.error().message;
  ASSERT_EQ(slots->ends.size(), 3u);
  EXPECT_EQ(slots_of(*slots, 0), as_slots({room}));  // not `gone` (cancelled)
  EXPECT_EQ(slots_of(*slots, 1), as_slots({pool}));  // not `later` (outside)
  EXPECT_TRUE(slots_of(*slots, 2).empty());
  (void)later;
}

TEST_F(read_path_test, a_long_booking_is_found_from_deep_inside_it) {
  auto& repo = db->bookings();
  const domain::space_window late[] = {{"pool", {utc(2027, 7, 20, 9), utc(2027, 7, 20, 10)}}};
  // A first read fixes the longest booking seen so far (none), then a long one arrives.
  ASSERT_TRUE(repo.list_active_slots(late));
  auto retreat = *repo.insert_booking(
      make_booking("pool", "u1", utc(2027, 6, 1, 0), utc(2027, 9, 1, 0)), std::nullopt);
  auto slots = repo.list_active_slots(late);
  ASSERT_TRUE(slots);
  EXPECT_EQ(slots_of(*slots, 0), as_slots({retreat}));
}

TEST_F(read_path_test, a_long_booking_stored_before_opening_is_found) {
  auto retreat = *db->bookings().insert_booking(
      make_booking("pool", "u1", utc(2027, 6, 1, 0), utc(2027, 9, 1, 0)), std::nullopt);
  reopen();
  const domain::space_window late[] = {{"pool", {utc(2027, 8, 30, 9), utc(2027, 8, 30, 10)}}};
  auto slots = db->bookings().list_active_slots(late);
  ASSERT_TRUE(slots);
  EXPECT_EQ(slots_of(*slots, 0), as_slots({retreat}));
}

TEST_F(read_path_test, catalogue_reads_see_every_write_at_once) {
  auto& catalog = db->catalog();
  ASSERT_EQ(catalog.get_space("room")->capacity, 6);  // now served from the snapshot
  auto room = *catalog.get_space("room");
  room.capacity = 9;
  room.active = false;
  ASSERT_TRUE(catalog.update_space(room, now));
  EXPECT_EQ(catalog.get_space("room")->capacity, 9);
  domain::space_filter active_only;
  auto listed = catalog.list_spaces(active_only);
  ASSERT_TRUE(listed);
  EXPECT_TRUE(
      std::none_of(listed->begin(), listed->end(), [](const auto& s) { return s.id == "room"; }));
  ASSERT_TRUE(catalog.insert_space(make_space("lab", domain::booking_mode::exclusive, 4)));
  EXPECT_TRUE(catalog.get_space("lab"));
  auto site = *catalog.get_site("site1");
  site.name = "Renamed";
  ASSERT_TRUE(catalog.update_site(site));
  EXPECT_EQ(catalog.get_site("site1")->name, "Renamed");
  domain::group g;
  g.id = "g1";
  g.name = "Students";
  ASSERT_TRUE(catalog.insert_group(g));
  EXPECT_EQ(catalog.get_group("g1")->name, "Students");
  ASSERT_TRUE(catalog.delete_group("g1"));
  EXPECT_TRUE(catalog.get_group("g1").error().is(domain::errc::not_found));
  EXPECT_TRUE(catalog.get_space("none").error().is(domain::errc::not_found));
}

TEST_F(read_path_test, space_filter_matches_the_sql_one) {
  auto& catalog = db->catalog();
  auto lab = make_space("lab", domain::booking_mode::exclusive, 12);
  lab.kind = domain::space_kind::lab;
  lab.features = {"projector", "screen"};
  ASSERT_TRUE(catalog.insert_space(lab));
  domain::space_filter f;
  f.kind = domain::space_kind::lab;
  f.min_capacity = 10;
  f.features = {"screen"};
  auto found = catalog.list_spaces(f);
  ASSERT_TRUE(found);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ(found->front().id, "lab");
  f.features = {"screen", "whiteboard"};
  EXPECT_TRUE(catalog.list_spaces(f)->empty());
  domain::space_filter by_site;
  by_site.site_id = "elsewhere";
  EXPECT_TRUE(catalog.list_spaces(by_site)->empty());
}

}  // namespace
}  // namespace hubgate::store
