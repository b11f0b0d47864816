#include "store_fixture.hpp"

namespace hubgate::store {
namespace {

using namespace testing;
using catalog_repository_test = store_fixture;

TEST_F(catalog_repository_test, site_round_trips_with_hours_and_closures) {
  domain::site s{"", "Annex", "Europe/Berlin", {}, {}};
  s.opening_hours.days[0] = {{7h, 12h}, {13h, 22h}};
  s.opening_hours.days[5] = {{9h, 18h}};
  s.closures.push_back({date::year{2027} / 12 / 24, date::year{2027} / 12 / 26, "Holidays"});
  auto made = db->catalog().insert_site(s);
  ASSERT_TRUE(made);
  EXPECT_EQ(made->id.rfind("site_", 0), 0u);
  auto back = db->catalog().get_site(made->id);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *made);
  back->name = "Annex 2";
  ASSERT_TRUE(db->catalog().update_site(*back));
  EXPECT_EQ(db->catalog().get_site(made->id)->name, "Annex 2");
  domain::site ghost{"nope", "x", "UTC", {}, {}};
  EXPECT_TRUE(db->catalog().update_site(ghost).error().is(domain::errc::not_found));
}

TEST_F(catalog_repository_test, space_round_trips_every_field) {
  auto s = make_space("", domain::booking_mode::exclusive, 12);
  s.kind = domain::space_kind::lab;
  s.position = {2, 10.5, 20, 3, 4.25};
  s.features = {"projector", "screen"};
  s.opening_hours = domain::weekly_hours::always_open();
  s.closures.push_back({date::year{2027} / 8 / 1, date::year{2027} / 8 / 14, "Works"});
  s.rules = {30min, 4h, 1h, 30, 15min};
  s.allowed_group_ids = {"researchers"};
  s.needs_approval = true;
  s.release_window = 10min;
  s.check_in_required = true;
  auto made = db->catalog().insert_space(s);
  ASSERT_TRUE(made);
  auto back = db->catalog().get_space(made->id);
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, *made);
}

TEST_F(catalog_repository_test, list_spaces_filters) {
  auto lab = make_space("lab", domain::booking_mode::exclusive, 12);
  lab.kind = domain::space_kind::lab;
  lab.features = {"projector", "soldering"};
  ASSERT_TRUE(db->catalog().insert_space(lab));
  auto old = make_space("old", domain::booking_mode::exclusive, 20);
  old.active = false;
  ASSERT_TRUE(db->catalog().insert_space(old));

  auto ids = [&](const domain::space_filter& f) {
    std::vector<std::string> out;
    for (const auto& s : *db->catalog().list_spaces(f)) out.push_back(s.id);
    return out;
  };
  EXPECT_EQ(ids({}), (std::vector<std::string>{"lab", "pool", "room"}));
  domain::space_filter f;
  f.kind = domain::space_kind::lab;
  EXPECT_EQ(ids(f), (std::vector<std::string>{"lab"}));
  f = {};
  f.features = {"projector"};
  EXPECT_EQ(ids(f), (std::vector<std::string>{"lab"}));
  f.features = {"projector", "screen"};
  EXPECT_TRUE(ids(f).empty());
  f = {};
  f.min_capacity = 6;
  EXPECT_EQ(ids(f), (std::vector<std::string>{"lab", "room"}));
  f = {};
  f.include_inactive = true;
  EXPECT_EQ(ids(f).size(), 4u);
  f = {};
  f.site_id = "elsewhere";
  EXPECT_TRUE(ids(f).empty());
}

TEST_F(catalog_repository_test, groups_with_policy_and_grants) {
  domain::group g{"", "Administration", {}, {}};
  g.policy.bookable_kinds = {domain::space_kind::room, domain::space_kind::desk};
  g.policy.weekly_quota_hours = 7.5;
  g.policy.max_days_ahead = 21;
  domain::door_grant grant{"door1", {}};
  grant.schedule.days[0] = {{7h, 19h}};
  g.grants.push_back(grant);
  auto made = db->catalog().insert_group(g);
  ASSERT_TRUE(made);
  EXPECT_EQ(*db->catalog().get_group(made->id), *made);
  domain::group open{"", "Public", {}, {}};
  auto o = db->catalog().insert_group(open);
  ASSERT_TRUE(o);
  EXPECT_FALSE(db->catalog().get_group(o->id)->policy.weekly_quota_hours);
  EXPECT_EQ(db->catalog().list_groups()->size(), 2u);
  ASSERT_TRUE(db->catalog().delete_group(o->id));
  EXPECT_TRUE(db->catalog().get_group(o->id).error().is(domain::errc::not_found));
  EXPECT_TRUE(db->catalog().delete_group(o->id).error().is(domain::errc::not_found));
}

TEST_F(catalog_repository_test, doors_round_trip_and_filter_by_site) {
  domain::door d;
  d.site_id = "site1";
  d.name = "Main entrance";
  d.is_entrance = true;
  d.controller_id = "ctl1";
  d.unlock_time = 3s;
  d.fail_mode = domain::fail_mode::safe;
  auto made = db->catalog().insert_door(d);
  ASSERT_TRUE(made);
  EXPECT_EQ(*db->catalog().get_door(made->id), *made);
  domain::door lab_door;
  lab_door.site_id = "site1";
  lab_door.name = "Lab";
  lab_door.space_ids = {"room"};
  ASSERT_TRUE(db->catalog().insert_door(lab_door));
  EXPECT_EQ(db->catalog().list_doors(std::string("site1"))->size(), 2u);
  EXPECT_TRUE(db->catalog().list_doors(std::string("other"))->empty());
  EXPECT_EQ(db->catalog().list_doors(std::nullopt)->size(), 2u);
}

TEST_F(catalog_repository_test, capacity_cut_is_checked_in_the_writing_transaction) {
  auto& bookings = db->bookings();
  auto a = bookings.insert_booking(
      make_booking("pool", "u1", utc(2027, 5, 3, 9), utc(2027, 5, 3, 11), 2), std::nullopt);
  auto b = bookings.insert_booking(
      make_booking("pool", "u2", utc(2027, 5, 3, 10), utc(2027, 5, 3, 12), 1), std::nullopt);
  ASSERT_TRUE(a && b);
  auto pool = *db->catalog().get_space("pool");
  pool.capacity = 2;
  auto r = db->catalog().update_space(pool, now);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(domain::errc::capacity_exceeded_by_bookings));
  ASSERT_EQ(r.error().conflicts.size(), 2u);
  EXPECT_EQ(db->catalog().get_space("pool")->capacity, 3);
  ASSERT_TRUE(bookings.set_status(b->id, domain::booking_status::confirmed,
                                  domain::booking_status::cancelled));
  EXPECT_EQ(db->catalog().update_space(pool, now)->capacity, 2);
}

}  // namespace
}  // namespace hubgate::store
