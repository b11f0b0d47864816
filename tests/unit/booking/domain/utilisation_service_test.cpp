#include "booking/domain/utilisation_service.hpp"

#include <gtest/gtest.h>

#include "fake_repositories.hpp"
#include "test_time.hpp"

namespace hubgate::domain {
namespace {

using namespace testing;

class fake_reports final : public report_repository {
 public:
  std::vector<booking> bookings;
  time_range asked{};
  outcome<std::vector<booking>> site_bookings(std::string_view, time_range range) override {
    asked = range;
    return bookings;
  }
};

class utilisation_service_test : public ::testing::Test {
 protected:
  fake_catalog catalog;
  fake_reports reports;
  utilisation_service service{catalog, reports};
  actor admin{"admin", role::admin, {}};

  void SetUp() override {
    ASSERT_TRUE(
        catalog.insert_site({"site1", "Hub", "Europe/Berlin", weekly_hours::always_open(), {}}));
    space s;
    s.id = "s1";
    s.site_id = "site1";
    s.name = "Room";
    s.capacity = 2;
    ASSERT_TRUE(catalog.insert_space(s));
  }
};

TEST_F(utilisation_service_test, without_dates_reports_the_four_weeks_ending_this_week) {
  // Wednesday 2027-03-31: the weeks of 8, 15, 22 and 29 March (local).
  auto r = service.report(admin, {"site1", std::nullopt, std::nullopt, utilisation_grouping::space},
                          utc(2027, 3, 31, 12));
  ASSERT_TRUE(r) << r.error().message;
  EXPECT_EQ(r->first, date::year{2027} / 3 / 8);
  EXPECT_EQ(r->last, date::year{2027} / 4 / 4);
  ASSERT_EQ(r->rows.size(), 4u);
  EXPECT_EQ(r->rows.front().iso_week, 10u);
  EXPECT_EQ(r->rows.back().iso_week, 13u);
  EXPECT_EQ(reports.asked.from, utc(2027, 3, 7, 23));  // Monday 00:00 CET
  EXPECT_EQ(reports.asked.to, utc(2027, 4, 4, 22));    // Monday 00:00 CEST
}

TEST_F(utilisation_service_test, checks_the_range_and_the_role) {
  using date::year;
  auto backwards = service.report(admin, {"site1", year{2027} / 3 / 10, year{2027} / 3 / 1, {}},
                                  utc(2027, 3, 1));
  ASSERT_FALSE(backwards);
  EXPECT_TRUE(backwards.error().is(errc::validation_failed));
  auto too_long =
      service.report(admin, {"site1", year{2026} / 1 / 1, year{2027} / 3 / 1, {}}, utc(2027, 3, 1));
  ASSERT_FALSE(too_long);
  EXPECT_TRUE(too_long.error().is(errc::validation_failed));
  auto member =
      service.report(actor{"u1", role::member, {}}, {"site1", {}, {}, {}}, utc(2027, 3, 1));
  ASSERT_FALSE(member);
  EXPECT_TRUE(member.error().is(errc::forbidden));
  auto unknown = service.report(admin, {"nope", {}, {}, {}}, utc(2027, 3, 1));
  ASSERT_FALSE(unknown);
  EXPECT_TRUE(unknown.error().is(errc::not_found));
}

}  // namespace
}  // namespace hubgate::domain
