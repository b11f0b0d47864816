#include "booking/domain/catalog_service.hpp"

#include "service_fixture.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;
using catalog_service_test = service_fixture;

TEST_F(catalog_service_test, capacity_cut_below_future_bookings_lists_them) {
  auto a = service.create(student, request("pool", at(2027, 5, 3, 9), at(2027, 5, 3, 10), 2), now);
  auto b =
      service.create(researcher, request("pool", at(2027, 5, 3, 9), at(2027, 5, 3, 11), 1), now);
  ASSERT_TRUE(a && b);
  auto r = catalogue.set_capacity(admin, "pool", 2, now);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::capacity_exceeded_by_bookings));
  ASSERT_EQ(r.error().conflicts.size(), 2u);
  EXPECT_EQ(catalog.spaces["pool"].capacity, 3);
  // Once they are over, the cut is fine.
  EXPECT_EQ(catalogue.set_capacity(admin, "pool", 2, b->end)->capacity, 2);
}

TEST_F(catalog_service_test, only_admins_change_the_catalogue) {
  space s = catalog.spaces["room"];
  s.id.clear();
  EXPECT_TRUE(catalogue.create_space(student, s).error().is(errc::forbidden));
  auto made = catalogue.create_space(admin, s);
  ASSERT_TRUE(made);
  EXPECT_FALSE(made->id.empty());
}

TEST_F(catalog_service_test, validation_reports_every_bad_field) {
  space s = catalog.spaces["room"];
  s.id.clear();
  s.name.clear();
  s.capacity = 0;
  s.rules.max_duration = 1min;
  auto r = catalogue.create_space(admin, s);
  ASSERT_FALSE(r);
  EXPECT_TRUE(r.error().is(errc::validation_failed));
  std::vector<std::string> fields;
  for (const auto& f : r.error().fields) fields.push_back(f.field);
  EXPECT_EQ(fields, (std::vector<std::string>{"name", "capacity", "rules.max_duration"}));

  site bad{"", "Hub", "Europe/Atlantis", {}, {}};
  bad.opening_hours.days[0].push_back({10h, 9h});
  auto rs = catalogue.create_site(admin, bad);
  ASSERT_FALSE(rs);
  EXPECT_EQ(rs.error().fields.size(), 2u);
}

TEST_F(catalog_service_test, space_in_unknown_site_is_a_field_error) {
  space s = catalog.spaces["room"];
  s.id.clear();
  s.site_id = "nowhere";
  auto r = catalogue.create_space(admin, s);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().fields.at(0).field, "site_id");
}

TEST_F(catalog_service_test, deactivated_space_cannot_be_booked_and_is_hidden) {
  ASSERT_TRUE(catalogue.deactivate_space(admin, "room", now));
  EXPECT_TRUE(service.create(student, request("room", at(2027, 5, 3, 9), at(2027, 5, 3, 10)), now)
                  .error()
                  .is(errc::space_inactive));
  EXPECT_TRUE(catalogue.get_space(student, "room").error().is(errc::not_found));
  EXPECT_TRUE(catalogue.get_space(admin, "room"));
}

}  // namespace
}  // namespace hubgate::domain
