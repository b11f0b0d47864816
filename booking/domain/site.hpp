// A site of the hub (a building): its time zone, which every local time and opening hour of
// its spaces and doors is read in, and its default opening hours and closures.
#pragma once
#include <string>
#include <vector>

#include "booking/domain/opening_hours.hpp"

namespace hubgate::domain {

struct site {
  std::string id;  // assigned by the store when empty on create
  std::string name;
  std::string time_zone = "Europe/Berlin";  // IANA name
  weekly_hours opening_hours;               // the default for its spaces
  std::vector<closure> closures;            // apply to every space of the site
  friend bool operator==(const site&, const site&) = default;
};

}  // namespace hubgate::domain
