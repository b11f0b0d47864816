// Members' calendar feeds: issuing, rotating and revoking the feed token, and rendering the
// feed a calendar client fetches with it (bookings of the last 30 days and all future ones).
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "booking/calendar/ical_feed.hpp"
#include "booking/domain/actor.hpp"
#include "booking/domain/calendar_ports.hpp"
#include "booking/domain/ports.hpp"

namespace hubgate::calendar {

struct feed_settings {
  std::chrono::days past{30};     // how far back the feed reaches
  std::size_t max_events = 5000;  // a bound, so one feed cannot grow without limit
  std::string default_time_zone = "Europe/Berlin";  // when the member has no bookings
};

struct rendered_feed {
  std::string body;                     // text/calendar
  domain::sys_seconds last_modified{};  // the latest change among its events
};

class feed_service {
 public:
  feed_service(domain::calendar_feed_repository& feeds, domain::catalog_repository& catalog,
               domain::user_repository& users, feed_settings settings = {});

  // Creates the actor's feed with `token` (random, made by the caller) or replaces the old
  // token, which stops working at once.
  domain::outcome<domain::calendar_feed_record> issue(const domain::actor& who,
                                                      std::string_view token,
                                                      domain::sys_seconds now);
  domain::outcome<void> revoke(const domain::actor& who);  // not_found when there is none
  domain::outcome<std::optional<domain::calendar_feed_record>> status(const domain::actor& who);

  // The feed for `token`: not_found for an unknown token or an inactive member.
  domain::outcome<rendered_feed> render(std::string_view token, domain::sys_seconds now);

 private:
  domain::calendar_feed_repository& feeds_;
  domain::catalog_repository& catalog_;
  domain::user_repository& users_;
  feed_settings settings_;
};

}  // namespace hubgate::calendar
