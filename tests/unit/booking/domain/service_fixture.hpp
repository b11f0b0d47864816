// A small hub in memory for the service tests: one Berlin site, a room, a shared pool, an
// event space needing approval, a lab for researchers; a student, a researcher, an admin.
#pragma once
#include <gtest/gtest.h>

#include "booking/domain/booking_service.hpp"
#include "booking/domain/catalog_service.hpp"
#include "fake_repositories.hpp"
#include "test_time.hpp"

namespace hubgate::domain::testing {

class service_fixture : public ::testing::Test {
 protected:
  fake_catalog catalog;
  fake_bookings bookings{catalog};
  fake_users users;
  booking_service service{catalog, bookings, users};
  catalog_service catalogue{catalog};

  actor student{"student", role::member, {"students"}};
  actor researcher{"researcher", role::member, {"researchers"}};
  actor admin{"admin", role::admin, {}};
  const sys_seconds now = utc(2027, 3, 1, 8);

  void SetUp() override {
    site s{"berlin", "Hub", "Europe/Berlin", {}, {}};
    for (int d = 0; d < 5; ++d) s.opening_hours.days[d].push_back({7h, 22h});
    s.opening_hours.days[5].push_back({9h, 18h});
    s.opening_hours.days[6].push_back({0h, 24h});  // open all Sunday, for the DST days
    catalog.sites[s.id] = s;

    add_space("room", space_kind::room, booking_mode::exclusive, 6);
    add_space("pool", space_kind::desk, booking_mode::shared, 3);
    add_space("event", space_kind::event, booking_mode::exclusive, 120).needs_approval = true;
    auto& lab = add_space("lab", space_kind::lab, booking_mode::exclusive, 12);
    lab.allowed_group_ids = {"researchers"};

    group students{"students", "Students", {}, {}};
    students.policy.bookable_kinds = {space_kind::desk, space_kind::room, space_kind::event};
    students.policy.weekly_quota_hours = 4;
    catalog.groups[students.id] = students;
    group researchers{"researchers", "Researchers", {}, {}};
    catalog.groups[researchers.id] = researchers;

    add_user("student", role::member, {"students"});
    add_user("researcher", role::member, {"researchers"});
    add_user("admin", role::admin, {});
  }

  space& add_space(std::string id, space_kind kind, booking_mode mode, int capacity) {
    space s;
    s.id = id;
    s.site_id = "berlin";
    s.name = id;
    s.kind = kind;
    s.mode = mode;
    s.capacity = capacity;
    s.rules.max_days_ahead = 365;
    return catalog.spaces[id] = s;
  }

  void add_user(std::string id, role r, std::vector<std::string> groups) {
    user u;
    u.id = id;
    u.email = id + "@hub.example";
    u.display_name = id;
    u.role = r;
    u.group_ids = std::move(groups);
    users.rows[id] = u;
  }

  static time_input at(int y, unsigned m, unsigned d, int h, int mi = 0) {
    return {wall(y, m, d, h, mi), std::nullopt};
  }

  booking_request request(std::string space_id, time_input start, time_input end, int seats = 1) {
    booking_request r;
    r.space_id = std::move(space_id);
    r.start = start;
    r.end = end;
    r.seats = seats;
    r.title = "Work";
    return r;
  }
};

}  // namespace hubgate::domain::testing
