// Storage the calendar feed and the utilisation report need, beside ports.hpp: members' feed
// tokens (stored hashed), bookings with their change counter, and a site's bookings by time.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/time_range.hpp"

namespace hubgate::domain {

struct calendar_feed_record {
  std::string user_id;
  sys_seconds created_at{};
};

// A booking with what a calendar client needs to notice changes.
struct booking_revision {
  booking record;
  int revision = 0;          // grows with every change of the booking
  sys_seconds updated_at{};  // created_at until the first change
};

// Feed tokens are passed in clear and only their SHA-256 is stored and looked up.
class calendar_feed_repository {
 public:
  virtual ~calendar_feed_repository() = default;

  // Creates the user's feed or replaces its token (the old one stops working at once).
  virtual outcome<calendar_feed_record> put_feed(std::string_view user_id, std::string_view token,
                                                 sys_seconds now) = 0;
  // not_found when the user has no feed.
  virtual outcome<void> delete_feed(std::string_view user_id) = 0;
  virtual outcome<std::optional<calendar_feed_record>> feed_of(std::string_view user_id) = 0;
  // not_found for an unknown (or rotated, or revoked) token.
  virtual outcome<calendar_feed_record> find_feed(std::string_view token) = 0;
  // The user's bookings ending after `from`, any status, ordered by start then id.
  virtual outcome<std::vector<booking_revision>> feed_bookings(std::string_view user_id,
                                                               sys_seconds from,
                                                               std::size_t limit) = 0;
};

class report_repository {
 public:
  virtual ~report_repository() = default;

  // Every booking (any status) of the site's spaces that overlaps `range`, by start.
  virtual outcome<std::vector<booking>> site_bookings(std::string_view site_id,
                                                      time_range range) = 0;
};

}  // namespace hubgate::domain
