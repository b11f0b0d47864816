// A bookable space (desk, room, lab, ...): capacity and booking mode, floor-plan position,
// rules for bookings, who may book it, and whether bookings need approval or a check-in.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/opening_hours.hpp"

namespace hubgate::domain {

enum class space_kind { desk, room, lab, event, training, showroom };
// exclusive: one booking at a time (its seats <= capacity); shared: concurrent bookings whose
// seats sum to <= capacity at every instant.
enum class booking_mode { exclusive, shared };

std::string_view to_string(space_kind k) noexcept;
std::optional<space_kind> parse_space_kind(std::string_view s) noexcept;
std::string_view to_string(booking_mode m) noexcept;
std::optional<booking_mode> parse_booking_mode(std::string_view s) noexcept;

struct floor_position {
  int floor = 0;
  double x = 0, y = 0, w = 0, h = 0;  // in floor-plan units
  friend bool operator==(const floor_position&, const floor_position&) = default;
};

struct space_rules {
  std::chrono::seconds min_duration{std::chrono::minutes{15}};
  std::chrono::seconds max_duration{std::chrono::hours{12}};
  std::chrono::seconds lead_time{0};  // start >= now + lead_time
  int max_days_ahead = 90;            // start <= now + max_days_ahead days
  std::chrono::seconds buffer{0};     // exclusive spaces: gap kept to neighbouring bookings
  friend bool operator==(const space_rules&, const space_rules&) = default;
};

struct space {
  std::string id;  // assigned by the store when empty on create
  std::string site_id;
  std::string name;
  space_kind kind = space_kind::room;
  int capacity = 1;
  booking_mode mode = booking_mode::exclusive;
  floor_position position;
  std::vector<std::string> features;          // "projector", "screen", ...
  std::optional<weekly_hours> opening_hours;  // empty: the site's hours apply
  std::vector<closure> closures;              // in addition to the site's
  space_rules rules;
  std::vector<std::string> allowed_group_ids;                     // empty: every group may book it
  bool needs_approval = false;                                    // new bookings start pending
  std::chrono::seconds release_window{std::chrono::minutes{15}};  // no-show after start + this
  bool check_in_required = false;  // unchecked bookings are released after the window
  bool active = true;
  friend bool operator==(const space&, const space&) = default;
};

}  // namespace hubgate::domain
