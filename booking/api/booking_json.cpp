#include "booking/api/booking_json.hpp"

#include <boost/json/array.hpp>

#include "booking/api/catalog_json.hpp"
#include "booking/domain/local_time.hpp"

namespace hubgate::api {
namespace {

boost::json::value time_or_null(const std::optional<std::chrono::sys_seconds>& t) {
  if (!t) return nullptr;
  return boost::json::value(domain::format_rfc3339_utc(*t));
}

}  // namespace

boost::json::object to_json(const domain::booking& b) {
  return {{"id", b.id},
          {"space_id", b.space_id},
          {"user_id", b.user_id},
          {"start", domain::format_rfc3339_utc(b.start)},
          {"end", domain::format_rfc3339_utc(b.end)},
          {"seats", b.seats},
          {"title", b.title},
          {"status", domain::to_string(b.status)},
          {"created_at", domain::format_rfc3339_utc(b.created_at)},
          {"checked_in_at", time_or_null(b.checked_in_at)}};
}

boost::json::object to_json(const domain::free_segment& s) {
  return {{"from", domain::format_rfc3339_utc(s.from)},
          {"to", domain::format_rfc3339_utc(s.to)},
          {"free", s.free}};
}

// A search lists many spaces: each entry names its space, the client has the rest from
// /spaces.
boost::json::object to_json(const domain::space_availability& a) {
  return {{"space_id", a.room->id},       {"site_id", a.room->site_id},
          {"name", a.room->name},         {"kind", domain::to_string(a.room->kind)},
          {"capacity", a.room->capacity}, {"free_seats", a.free_seats}};
}

boost::json::object to_json(const domain::user& u) {
  boost::json::array groups;
  for (const auto& g : u.group_ids) groups.emplace_back(g);
  return {{"id", u.id},
          {"email", u.email},
          {"display_name", u.display_name},
          {"role", domain::to_string(u.role)},
          {"group_ids", std::move(groups)},
          {"active", u.active},
          {"language", u.language},
          {"created_at", domain::format_rfc3339_utc(u.created_at)}};
}

boost::json::object to_json(const domain::credential& c) {
  return {{"id", c.id},
          {"user_id", c.user_id},
          {"kind", domain::to_string(c.kind)},
          {"card_hint", c.card_hint},
          {"label", c.label},
          {"status", domain::to_string(c.status)},
          {"expires_at", time_or_null(c.expires_at)},
          {"legacy", c.legacy},
          {"created_at", domain::format_rfc3339_utc(c.created_at)}};
}

boost::json::object to_json(const domain::session_summary& s) {
  return {{"id", s.id},
          {"created_at", domain::format_rfc3339_utc(s.created_at)},
          {"last_seen", domain::format_rfc3339_utc(s.last_seen)},
          {"expires_at", domain::format_rfc3339_utc(s.expires_at)}};
}

boost::json::object to_json(const domain::api_token_record& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", domain::format_rfc3339_utc(t.created_at)},
          {"last_used", time_or_null(t.last_used)},
          {"expires_at", domain::format_rfc3339_utc(t.expires_at)}};
}

}  // namespace hubgate::api
