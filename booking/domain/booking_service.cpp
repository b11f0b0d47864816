#include "booking/domain/booking_service.hpp"

#include <fmt/format.h>

#include <future>
#include <map>

#include "booking/domain/booking_lifecycle.hpp"
#include "booking/domain/capacity.hpp"
#include "booking/domain/rules.hpp"

namespace hubgate::domain {
namespace {

using namespace std::chrono;

// The longest window a free-seats timeline may cover, to bound the work one request causes.
constexpr auto max_timeline = days{62};

// Adds the field name to a time resolution failure, keeping its code.
failure at_field(failure f, std::string field) {
  f.fields.push_back(
      {std::move(field), std::string(to_string(static_cast<errc>(f.code.value()))), f.message});
  return f;
}

struct placed_space {
  space room;
  const date::time_zone* zone = nullptr;
  weekly_hours hours;
  std::vector<closure> closures;
};

outcome<placed_space> place(catalog_repository& catalog, space s) {
  auto st = catalog.get_site(s.site_id);
  if (!st) return st.error();
  auto zone = find_zone(st->time_zone);
  if (!zone) return zone.error();
  placed_space p{std::move(s), *zone, {}, st->closures};
  p.hours = p.room.opening_hours ? *p.room.opening_hours : st->opening_hours;
  p.closures.insert(p.closures.end(), p.room.closures.begin(), p.room.closures.end());
  return p;
}

std::vector<group> groups_of(catalog_repository& catalog, const std::vector<std::string>& ids) {
  std::vector<group> out;
  for (const auto& id : ids)
    if (auto g = catalog.get_group(id)) out.push_back(std::move(*g));
  return out;
}

outcome<time_range> resolve_range(const date::time_zone* zone, const time_input& from,
                                  const time_input& to, const char* from_name,
                                  const char* to_name) {
  auto a = resolve(zone, from);
  if (!a) return at_field(a.error(), from_name);
  auto b = resolve(zone, to);
  if (!b) return at_field(b.error(), to_name);
  if (*b <= *a) return field_failure(to_name, "before_start", "the end must be after the start");
  return time_range{*a, *b};
}

}  // namespace

booking_service::booking_service(catalog_repository& catalog, booking_repository& bookings,
                                 user_repository& users, booking_settings settings)
    : catalog_(catalog), bookings_(bookings), users_(users), settings_(settings) {}

outcome<booking> booking_service::create(const actor& who, const booking_request& req,
                                         sys_seconds now) {
  auto subject = subject_of(who, req.user_id);
  if (!subject) return subject.error();
  auto a = admit(who, *subject, req, now, nullptr);
  if (!a) return a.error();
  return bookings_.insert_booking(std::move(a->candidate), a->quota);
}

void booking_service::create_then(const actor& who, const booking_request& req, sys_seconds now,
                                  std::function<void(outcome<booking>)> done) {
  auto subject = subject_of(who, req.user_id);
  if (!subject) return done(subject.error());
  auto a = admit(who, *subject, req, now, nullptr);
  if (!a) return done(a.error());
  bookings_.insert_booking_then(std::move(a->candidate), a->quota, std::move(done));
}

// Permissions and policies follow the person the booking is for; an admin booking on
// someone's behalf is not held to their group limits. Booking for oneself, the actor is that
// person (callers pass only active users' actors), so no user read is needed.
outcome<actor> booking_service::subject_of(const actor& who,
                                           const std::optional<std::string>& user_id) {
  if (!user_id || *user_id == who.user_id) return who;
  if (!who.is_admin()) return failure(errc::forbidden, "you can only book for yourself");
  auto owner = users_.get_user(*user_id);
  if (!owner) {
    if (owner.error().is(errc::not_found))
      return field_failure("user_id", "unknown", "no such user");
    return owner.error();
  }
  if (!owner->active) return failure(errc::user_inactive, "this account is deactivated");
  return actor::of(*owner);
}

outcome<booking_admission> booking_service::admit(const actor& who, const actor& subject,
                                                  const booking_request& req, sys_seconds now,
                                                  const booking* before) {
  if (req.seats < 1) return field_failure("seats", "out_of_range", "book at least one seat");
  if (req.title.size() > 200) return field_failure("title", "too_long", "at most 200 characters");
  auto found = catalog_.get_space(req.space_id);
  if (!found) {
    if (found.error().is(errc::not_found))
      return field_failure("space_id", "unknown", "no such space");
    return found.error();
  }
  if (!found->active) return failure(errc::space_inactive, "this space cannot be booked now");
  auto placed = place(catalog_, std::move(*found));
  if (!placed) return placed.error();
  const auto& s = placed->room;

  auto iv = resolve_range(placed->zone, req.start, req.end, "start", "end");
  if (!iv) return iv.error();
  if (iv->to <= now) return failure(errc::in_the_past, "this time has already passed");

  auto user_groups = groups_of(catalog_, subject.group_ids);
  bool privileged = who.is_admin();
  // An edit that keeps the start was admitted for it already.
  const bool new_start = before == nullptr || before->start != iv->from;

  if (auto r = check_duration(s.rules, *iv); !r) return r.error();
  if (new_start) {
    if (auto r = check_lead_time(s.rules, iv->from, now); !r) return r.error();
    int max_days = privileged ? s.rules.max_days_ahead : effective_max_days_ahead(s, user_groups);
    if (auto r = check_days_ahead(max_days, iv->from, now); !r) return r.error();
  }
  if (!privileged) {
    if (auto r = check_kind_allowed(subject, user_groups, s); !r) return r.error();
    if (auto r = check_space_allowed(subject, s); !r) return r.error();
  }
  if (req.seats > s.capacity)
    return failure(errc::seats_exceed_capacity, fmt::format("this space has {} seats", s.capacity));
  if (auto r = check_open(placed->zone, placed->hours, placed->closures, *iv); !r) return r.error();

  booking b = before ? *before : booking{};
  b.space_id = s.id;
  b.user_id = subject.user_id;
  b.start = iv->from;
  b.end = iv->to;
  b.seats = req.seats;
  b.title = req.title;
  const bool needs_approval = s.needs_approval && !privileged;
  if (before) {
    const bool reschedules = before->space_id != b.space_id || before->start != b.start ||
                             before->end != b.end || before->seats != b.seats;
    b.status = status_after_edit(who, *before, reschedules, s.needs_approval);
  } else {
    b.status = needs_approval ? booking_status::pending : booking_status::confirmed;
    b.created_at = now;
  }

  std::optional<quota_check> quota;
  if (!privileged) {
    if (auto q = effective_weekly_quota(user_groups)) quota = quota_check{placed->zone->name(), *q};
  }
  return booking_admission{std::move(b), std::move(quota)};
}

outcome<std::vector<booking>> booking_service::list(const actor& who, const booking_query& q) {
  booking_filter f;
  f.from = q.from;
  f.to = q.to;
  f.space_id = q.space_id;
  if (q.status) f.statuses.push_back(*q.status);
  if (who.is_admin()) {
    f.user_id = q.user_id;
  } else {
    if (q.user_id && *q.user_id != who.user_id)
      return failure(errc::forbidden, "you can only list your own bookings");
    f.user_id = who.user_id;
  }
  return bookings_.list_bookings(f);
}

outcome<booking> booking_service::get(const actor& who, std::string_view id) {
  auto b = bookings_.get_booking(id);
  if (!b) return b;
  if (!who.is_admin() && b->user_id != who.user_id) return failure(errc::not_found);
  return b;
}

outcome<status_change> booking_service::decide(const actor& who, const booking& b,
                                               booking_action action, sys_seconds now) const {
  if (auto r = check_may(who, b, action, now, settings_.check_in_early_grace); !r) return r.error();
  auto next = next_status(b, action, now);
  if (!next) return next.error();
  status_change change{*next, std::nullopt};
  if (action == booking_action::check_in) change.checked_in_at = now;
  return change;
}

// act_then, waiting for its outcome: the same single write.
outcome<booking> booking_service::transition(const actor& who, std::string_view id,
                                             booking_action action, sys_seconds now) {
  std::promise<outcome<booking>> changed;
  auto result = changed.get_future();
  act_then(who, id, action, now,
           [&changed](outcome<booking> r) { changed.set_value(std::move(r)); });
  return result.get();
}

void booking_service::act_then(const actor& who, std::string_view id, booking_action action,
                               sys_seconds now, std::function<void(outcome<booking>)> done) {
  bookings_.change_status_then(
      id, [this, who, action, now](const booking& b) { return decide(who, b, action, now); },
      std::move(done));
}

outcome<booking> booking_service::cancel(const actor& who, std::string_view id, sys_seconds now) {
  return transition(who, id, booking_action::cancel, now);
}
outcome<booking> booking_service::approve(const actor& who, std::string_view id, sys_seconds now) {
  return transition(who, id, booking_action::approve, now);
}
outcome<booking> booking_service::reject(const actor& who, std::string_view id, sys_seconds now) {
  return transition(who, id, booking_action::reject, now);
}
outcome<booking> booking_service::check_in(const actor& who, std::string_view id, sys_seconds now) {
  return transition(who, id, booking_action::check_in, now);
}

outcome<std::vector<space_availability>> booking_service::availability(const actor& who,
                                                                       const availability_query& q,
                                                                       sys_seconds now) {
  if (q.seats < 1) return field_failure("seats", "out_of_range", "at least one seat");
  space_filter filter;
  filter.site_id = q.site_id;
  filter.kind = q.kind;
  filter.min_capacity = q.seats;
  // The shared list is read in place: a search looks at hundreds of spaces and keeps few.
  auto spaces = catalog_.all_spaces();
  if (!spaces) return spaces.error();
  auto user_groups = groups_of(catalog_, who.group_ids);
  // The site, its zone, the interval resolved in it and whether the site is open for all of
  // it, once per site rather than per space: most spaces follow their site's hours.
  struct site_view {
    site place;
    const date::time_zone* zone = nullptr;
    time_range interval;
    bool open = false;
  };
  std::map<std::string, site_view, std::less<>> sites;
  // First the spaces that qualify by rules and opening hours, then one batched read of their
  // bookings: the store is asked once per search, not once per candidate.
  std::vector<const space*> candidates;
  std::vector<space_window> windows;
  std::vector<closure> merged;
  for (const auto& s : **spaces) {
    if (!matches(s, filter)) continue;
    if (!check_kind_allowed(who, user_groups, s) || !check_space_allowed(who, s)) continue;
    auto at = sites.find(s.site_id);
    if (at == sites.end()) {
      auto st = catalog_.get_site(s.site_id);
      if (!st) return st.error();
      auto zone = find_zone(st->time_zone);
      if (!zone) return zone.error();
      auto iv = resolve_range(*zone, q.from, q.to, "from", "to");
      if (!iv) return iv.error();
      if (iv->to <= now) return failure(errc::in_the_past, "this time has already passed");
      const bool open = check_open(*zone, st->opening_hours, st->closures, *iv).has_value();
      at = sites.emplace(s.site_id, site_view{std::move(*st), *zone, *iv, open}).first;
    }
    const auto& sv = at->second;
    if (!s.opening_hours && s.closures.empty()) {
      if (!sv.open) continue;
    } else {
      const auto& hours = s.opening_hours ? *s.opening_hours : sv.place.opening_hours;
      const std::vector<closure>* closures = &sv.place.closures;
      if (!s.closures.empty()) {
        merged = sv.place.closures;
        merged.insert(merged.end(), s.closures.begin(), s.closures.end());
        closures = &merged;
      }
      if (!check_open(sv.zone, hours, *closures, sv.interval)) continue;
    }
    windows.push_back({s.id, capacity_window(s, sv.interval)});
    candidates.push_back(&s);
  }
  std::vector<space_availability> out;
  if (candidates.empty()) return out;
  auto taken = bookings_.list_active_slots(windows);
  if (!taken) return taken.error();
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const space* c = candidates[i];
    const auto& interval = sites.find(c->site_id)->second.interval;
    int free = free_seats(*c, taken->of(i), interval);
    // Aliases the shared list: no copy of the space.
    if (free >= q.seats) out.push_back({std::shared_ptr<const space>(*spaces, c), free});
  }
  return out;
}

outcome<std::vector<free_segment>> booking_service::space_free_segments(const actor& who,
                                                                        std::string_view space_id,
                                                                        const time_input& from,
                                                                        const time_input& to) {
  auto s = catalog_.get_space(space_id);
  if (!s) return s.error();
  if (!s->active && !who.is_admin()) return failure(errc::not_found);
  auto placed = place(catalog_, std::move(*s));
  if (!placed) return placed.error();
  auto iv = resolve_range(placed->zone, from, to, "from", "to");
  if (!iv) return iv.error();
  if (iv->length() > max_timeline)
    return field_failure("to", "out_of_range", "at most 62 days at once");
  const space_window one[] = {{placed->room.id, capacity_window(placed->room, *iv)}};
  auto taken = bookings_.list_active_slots(one);
  if (!taken) return taken.error();
  auto segments = free_segments(placed->room, taken->of(0), *iv);
  auto open = open_periods(placed->zone, placed->hours, placed->closures, *iv);
  return mask_closed(std::move(segments), open);
}

outcome<std::vector<booking>> booking_service::release_no_shows(sys_seconds now) {
  booking_filter f;
  f.to = now;
  f.statuses = {booking_status::confirmed};
  f.limit = 100000;
  auto due = bookings_.list_bookings(f);
  if (!due) return due.error();
  std::map<std::string, std::optional<space>, std::less<>> spaces;
  std::vector<booking> released;
  for (const auto& b : *due) {
    auto it = spaces.find(b.space_id);
    if (it == spaces.end()) {
      auto s = catalog_.get_space(b.space_id);
      it = spaces.emplace(b.space_id, s ? std::optional<space>(std::move(*s)) : std::nullopt).first;
    }
    if (!it->second || !is_no_show(*it->second, b, now)) continue;
    auto r = bookings_.set_status(b.id, booking_status::confirmed, booking_status::released);
    if (r)
      released.push_back(std::move(*r));
    else if (!r.error().is(errc::invalid_transition))
      return r.error();
  }
  return released;
}

outcome<std::vector<booking>> booking_service::complete_ended(sys_seconds now) {
  booking_filter f;
  f.to = now;
  f.statuses = {booking_status::confirmed, booking_status::checked_in};
  f.limit = 100000;
  auto due = bookings_.list_bookings(f);
  if (!due) return due.error();
  std::vector<booking> done;
  for (const auto& b : *due) {
    if (b.end > now) continue;
    auto r = bookings_.set_status(b.id, b.status, booking_status::completed);
    if (r)
      done.push_back(std::move(*r));
    else if (!r.error().is(errc::invalid_transition))
      return r.error();
  }
  return done;
}

}  // namespace hubgate::domain
