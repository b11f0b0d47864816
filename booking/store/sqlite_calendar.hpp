// The SQLite calendar-feed and report repositories: feed tokens by SHA-256, bookings with
// their change counter (kept by a trigger), a site's bookings by time. Internal to booking/store.
#pragma once
#include "booking/domain/calendar_ports.hpp"
#include "booking/store/sqlite_access.hpp"

namespace hubgate::store {

class sqlite_calendar_feeds final : public domain::calendar_feed_repository, private sqlite_access {
 public:
  using sqlite_access::sqlite_access;

  outcome<domain::calendar_feed_record> put_feed(std::string_view user_id, std::string_view token,
                                                 domain::sys_seconds now) override;
  outcome<void> delete_feed(std::string_view user_id) override;
  outcome<std::optional<domain::calendar_feed_record>> feed_of(std::string_view user_id) override;
  outcome<domain::calendar_feed_record> find_feed(std::string_view token) override;
  outcome<std::vector<domain::booking_revision>> feed_bookings(std::string_view user_id,
                                                               domain::sys_seconds from,
                                                               std::size_t limit) override;
};

class sqlite_reports final : public domain::report_repository, private sqlite_access {
 public:
  using sqlite_access::sqlite_access;

  outcome<std::vector<domain::booking>> site_bookings(std::string_view site_id,
                                                      domain::time_range range) override;
};

}  // namespace hubgate::store
