// A group of users (students, researchers, companies, administration, public) and its policy:
// which kinds it may book, its weekly quota, how far ahead, and standing door grants.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "booking/domain/opening_hours.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain {

struct group_policy {
  std::vector<space_kind> bookable_kinds;    // empty: every kind
  std::optional<double> weekly_quota_hours;  // empty: no quota
  std::optional<int> max_days_ahead;         // empty: only the space's rule applies
  friend bool operator==(const group_policy&, const group_policy&) = default;
};

// Standing access to a door on a weekly schedule in the door's site time zone.
struct door_grant {
  std::string door_id;
  weekly_hours schedule;
  friend bool operator==(const door_grant&, const door_grant&) = default;
};

struct group {
  std::string id;  // assigned by the store when empty on create
  std::string name;
  group_policy policy;
  std::vector<door_grant> grants;
  friend bool operator==(const group&, const group&) = default;
};

}  // namespace hubgate::domain
