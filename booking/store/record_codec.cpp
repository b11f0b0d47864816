#include "booking/store/record_codec.hpp"

#include <date/date.h>
#include <fmt/format.h>

#include <boost/json.hpp>

#include "booking/store/store_errc.hpp"
#include "protocol/json_fields.hpp"

namespace hubgate::store {
namespace json = boost::json;
using namespace std::chrono;

namespace {

json::value parse(std::string_view text, bool& ok) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  ok = !ec;
  return v;
}

using protocol::json_fields::as_int64;
using protocol::json_fields::get_int64;
using protocol::json_fields::get_number;
using protocol::json_fields::get_string;

json::array hours_json(const domain::weekly_hours& h) {
  json::array days;
  for (const auto& d : h.days) {
    json::array day;
    for (const auto& iv : d) day.push_back(json::array{iv.open.count(), iv.close.count()});
    days.push_back(std::move(day));
  }
  return days;
}

bool hours_from(const json::value& v, domain::weekly_hours& out) {
  auto days = v.if_array();
  if (!days || days->size() != 7) return false;
  for (std::size_t d = 0; d < 7; ++d) {
    auto day = (*days)[d].if_array();
    if (!day) return false;
    out.days[d].clear();
    for (const auto& iv : *day) {
      auto pair = iv.if_array();
      std::int64_t a = 0, b = 0;
      if (!pair || pair->size() != 2 || !as_int64((*pair)[0], a) || !as_int64((*pair)[1], b))
        return false;
      out.days[d].push_back({minutes{a}, minutes{b}});
    }
  }
  return true;
}

std::string date_text(const date::year_month_day& d) {
  return date::format("%F", d);
}

bool date_from(const json::value& v, date::year_month_day& out) {
  auto s = v.if_string();
  int y = 0;
  unsigned m = 0, d = 0;
  if (!s || std::sscanf(s->c_str(), "%d-%u-%u", &y, &m, &d) != 3) return false;
  out = date::year{y} / date::month{m} / date::day{d};
  return out.ok();
}

}  // namespace

domain::failure bad_record(std::string_view what) {
  return domain::failure(make_error_code(errc::bad_record), fmt::format("bad {}", what));
}

std::string encode(const domain::weekly_hours& h) {
  return json::serialize(hours_json(h));
}

std::string encode(const std::vector<domain::closure>& c) {
  json::array a;
  for (const auto& cl : c)
    a.push_back(json::object{
        {"first", date_text(cl.first)}, {"last", date_text(cl.last)}, {"reason", cl.reason}});
  return json::serialize(a);
}

std::string encode(const std::vector<std::string>& list) {
  json::array a;
  for (const auto& s : list) a.push_back(json::string(s));
  return json::serialize(a);
}

std::string encode(const domain::floor_position& p) {
  return json::serialize(
      json::object{{"floor", p.floor}, {"x", p.x}, {"y", p.y}, {"w", p.w}, {"h", p.h}});
}

std::string encode(const domain::space_rules& r) {
  return json::serialize(json::object{{"min", r.min_duration.count()},
                                      {"max", r.max_duration.count()},
                                      {"lead", r.lead_time.count()},
                                      {"days", r.max_days_ahead},
                                      {"buffer", r.buffer.count()}});
}

std::string encode(const domain::group_policy& p) {
  json::array kinds;
  for (auto k : p.bookable_kinds) kinds.push_back(json::string(domain::to_string(k)));
  json::object o{{"kinds", std::move(kinds)}};
  o["quota"] = p.weekly_quota_hours ? json::value(*p.weekly_quota_hours) : json::value(nullptr);
  o["days"] = p.max_days_ahead ? json::value(*p.max_days_ahead) : json::value(nullptr);
  return json::serialize(o);
}

std::string encode(const std::vector<domain::door_grant>& g) {
  json::array a;
  for (const auto& grant : g)
    a.push_back(json::object{{"door", grant.door_id}, {"schedule", hours_json(grant.schedule)}});
  return json::serialize(a);
}

bool decode(std::string_view text, domain::weekly_hours& out) {
  bool ok = false;
  auto v = parse(text, ok);
  return ok && hours_from(v, out);
}

bool decode(std::string_view text, std::vector<domain::closure>& out) {
  bool ok = false;
  auto v = parse(text, ok);
  auto a = v.if_array();
  if (!ok || !a) return false;
  out.clear();
  for (const auto& e : *a) {
    auto o = e.if_object();
    if (!o) return false;
    domain::closure c;
    const auto* reason = get_string(*o, "reason");
    const auto* first = protocol::json_fields::find(*o, "first");
    const auto* last = protocol::json_fields::find(*o, "last");
    if (!first || !date_from(*first, c.first) || !last || !date_from(*last, c.last) || !reason)
      return false;
    c.reason = std::string(*reason);
    out.push_back(std::move(c));
  }
  return true;
}

bool decode(std::string_view text, std::vector<std::string>& out) {
  bool ok = false;
  auto v = parse(text, ok);
  auto a = v.if_array();
  if (!ok || !a) return false;
  out.clear();
  for (const auto& e : *a) {
    auto s = e.if_string();
    if (!s) return false;
    out.emplace_back(*s);
  }
  return true;
}

bool decode(std::string_view text, domain::floor_position& out) {
  bool ok = false;
  auto v = parse(text, ok);
  auto o = v.if_object();
  std::int64_t floor = 0;
  if (!ok || !o || !get_int64(*o, "floor", floor)) return false;
  out.floor = static_cast<int>(floor);
  return get_number(*o, "x", out.x) && get_number(*o, "y", out.y) && get_number(*o, "w", out.w) &&
         get_number(*o, "h", out.h);
}

bool decode(std::string_view text, domain::space_rules& out) {
  bool ok = false;
  auto v = parse(text, ok);
  auto o = v.if_object();
  std::int64_t mn = 0, mx = 0, lead = 0, days_ahead = 0, buffer = 0;
  if (!ok || !o || !get_int64(*o, "min", mn) || !get_int64(*o, "max", mx) ||
      !get_int64(*o, "lead", lead) || !get_int64(*o, "days", days_ahead) ||
      !get_int64(*o, "buffer", buffer))
    return false;
  out = {seconds{mn}, seconds{mx}, seconds{lead}, static_cast<int>(days_ahead), seconds{buffer}};
  return true;
}

bool decode(std::string_view text, domain::group_policy& out) {
  bool ok = false;
  auto v = parse(text, ok);
  auto o = v.if_object();
  if (!ok || !o) return false;
  auto kinds = o->if_contains("kinds");
  if (!kinds || !kinds->is_array()) return false;
  out.bookable_kinds.clear();
  for (const auto& k : kinds->get_array()) {
    auto s = k.if_string();
    auto kind = s ? domain::parse_space_kind(*s) : std::nullopt;
    if (!kind) return false;
    out.bookable_kinds.push_back(*kind);
  }
  out.weekly_quota_hours.reset();
  out.max_days_ahead.reset();
  double quota = 0;
  std::int64_t days_ahead = 0;
  if (get_number(*o, "quota", quota)) out.weekly_quota_hours = quota;
  if (get_int64(*o, "days", days_ahead)) out.max_days_ahead = static_cast<int>(days_ahead);
  return true;
}

bool decode(std::string_view text, std::vector<domain::door_grant>& out) {
  bool ok = false;
  auto v = parse(text, ok);
  auto a = v.if_array();
  if (!ok || !a) return false;
  out.clear();
  for (const auto& e : *a) {
    auto o = e.if_object();
    const auto* door = o ? get_string(*o, "door") : nullptr;
    const auto* schedule = o ? protocol::json_fields::find(*o, "schedule") : nullptr;
    if (!door || !schedule) return false;
    domain::door_grant g;
    g.door_id = std::string(*door);
    if (!hours_from(*schedule, g.schedule)) return false;
    out.push_back(std::move(g));
  }
  return true;
}

}  // namespace hubgate::store
