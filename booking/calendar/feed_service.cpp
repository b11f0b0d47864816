#include "booking/calendar/feed_service.hpp"

#include <algorithm>
#include <map>

#include "booking/domain/local_time.hpp"

namespace hubgate::calendar {
namespace {

using domain::outcome;

// Spaces and sites a feed names, read once per render.
class place_cache {
 public:
  explicit place_cache(domain::catalog_repository& catalog) : catalog_(catalog) {}

  outcome<const domain::space*> space(const std::string& id) {
    if (auto it = spaces_.find(id); it != spaces_.end()) return &it->second;
    auto s = catalog_.get_space(id);
    if (!s) return s.error();
    return &spaces_.emplace(id, std::move(*s)).first->second;
  }
  outcome<const domain::site*> site(const std::string& id) {
    if (auto it = sites_.find(id); it != sites_.end()) return &it->second;
    auto s = catalog_.get_site(id);
    if (!s) return s.error();
    return &sites_.emplace(id, std::move(*s)).first->second;
  }

 private:
  domain::catalog_repository& catalog_;
  std::map<std::string, domain::space> spaces_;
  std::map<std::string, domain::site> sites_;
};

outcome<feed_event> to_event(place_cache& places, const domain::booking_revision& r) {
  const auto& b = r.record;
  auto space = places.space(b.space_id);
  if (!space) return space.error();
  auto site = places.site((*space)->site_id);
  if (!site) return site.error();
  auto zone = domain::find_zone((*site)->time_zone);
  if (!zone) return zone.error();
  feed_event e;
  e.booking_id = b.id;
  e.summary = b.title.empty() ? (*space)->name : b.title;
  e.location = (*space)->name + ", " + (*site)->name;
  e.status = b.status;
  e.when = b.interval();
  e.zone = *zone;
  e.sequence = r.revision;
  e.created = b.created_at;
  e.last_modified = std::max(r.updated_at, b.created_at);
  return e;
}

}  // namespace

feed_service::feed_service(domain::calendar_feed_repository& feeds,
                           domain::catalog_repository& catalog, domain::user_repository& users,
                           feed_settings settings)
    : feeds_(feeds), catalog_(catalog), users_(users), settings_(std::move(settings)) {}

outcome<domain::calendar_feed_record> feed_service::issue(const domain::actor& who,
                                                          std::string_view token,
                                                          domain::sys_seconds now) {
  if (who.user_id.empty()) return domain::failure(domain::errc::forbidden);
  return feeds_.put_feed(who.user_id, token, now);
}

outcome<void> feed_service::revoke(const domain::actor& who) {
  if (who.user_id.empty()) return domain::failure(domain::errc::forbidden);
  return feeds_.delete_feed(who.user_id);
}

outcome<std::optional<domain::calendar_feed_record>> feed_service::status(
    const domain::actor& who) {
  if (who.user_id.empty()) return domain::failure(domain::errc::forbidden);
  return feeds_.feed_of(who.user_id);
}

outcome<rendered_feed> feed_service::render(std::string_view token, domain::sys_seconds now) {
  auto feed = feeds_.find_feed(token);
  if (!feed) return feed.error();
  auto member = users_.get_user(feed->user_id);
  if (!member) return member.error();
  if (!member->active) return domain::failure(domain::errc::not_found);

  const auto from = now - std::chrono::duration_cast<std::chrono::seconds>(settings_.past);
  auto bookings = feeds_.feed_bookings(feed->user_id, from, settings_.max_events);
  if (!bookings) return bookings.error();

  place_cache places(catalog_);
  feed_document doc;
  doc.calendar_name = "Hubgate";
  doc.range = {from, now};
  rendered_feed out;
  out.last_modified = feed->created_at;
  for (const auto& r : *bookings) {
    auto e = to_event(places, r);
    if (!e) return e.error();
    out.last_modified = std::max(out.last_modified, e->last_modified);
    doc.events.push_back(std::move(*e));
  }
  // The calendar's own zone is that of the next booking, else the most recent one.
  auto next = std::find_if(doc.events.begin(), doc.events.end(),
                           [now](const auto& e) { return e.when.to > now; });
  if (next != doc.events.end())
    doc.zone = next->zone;
  else if (!doc.events.empty())
    doc.zone = doc.events.back().zone;
  if (!doc.zone) {
    auto zone = domain::find_zone(settings_.default_time_zone);
    if (!zone) return zone.error();
    doc.zone = *zone;
  }
  out.body = render_feed(doc);
  return out;
}

}  // namespace hubgate::calendar
