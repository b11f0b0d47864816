#include "booking/api/catalog_json.hpp"

#include <fmt/format.h>

#include "protocol/access_list.hpp"

namespace hubgate::api {
namespace {

using std::chrono::duration_cast;
using std::chrono::minutes;
using std::chrono::seconds;

boost::json::array strings(const std::vector<std::string>& v) {
  boost::json::array out;
  for (const auto& s : v) out.emplace_back(s);
  return out;
}

void read_hours_member(body_fields& f, std::string_view name, domain::weekly_hours& out) {
  if (const auto* v = f.value(name, need::optional)) {
    std::vector<field_error> errs;
    if (auto h = read_weekly_hours(*v, f.path(name), errs)) out = std::move(*h);
    f.merge(std::move(errs));
  }
}

void read_closures_member(body_fields& f, std::vector<domain::closure>& out) {
  if (const auto* v = f.value("closures", need::optional)) {
    std::vector<field_error> errs;
    if (auto c = read_closures(*v, f.path("closures"), errs)) out = std::move(*c);
    f.merge(std::move(errs));
  }
}

}  // namespace

boost::json::object to_json(const domain::site& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"time_zone", s.time_zone},
          {"opening_hours", to_json(s.opening_hours)},
          {"closures", to_json(s.closures)}};
}

boost::json::object to_json(const domain::space& s) {
  boost::json::object out{
      {"id", s.id},
      {"site_id", s.site_id},
      {"name", s.name},
      {"kind", domain::to_string(s.kind)},
      {"capacity", s.capacity},
      {"mode", domain::to_string(s.mode)},
      {"position",
       {{"floor", s.position.floor},
        {"x", s.position.x},
        {"y", s.position.y},
        {"w", s.position.w},
        {"h", s.position.h}}},
      {"features", strings(s.features)},
      {"closures", to_json(s.closures)},
      {"rules",
       {{"min_duration_minutes", duration_cast<minutes>(s.rules.min_duration).count()},
        {"max_duration_minutes", duration_cast<minutes>(s.rules.max_duration).count()},
        {"lead_time_minutes", duration_cast<minutes>(s.rules.lead_time).count()},
        {"max_days_ahead", s.rules.max_days_ahead},
        {"buffer_minutes", duration_cast<minutes>(s.rules.buffer).count()}}},
      {"allowed_group_ids", strings(s.allowed_group_ids)},
      {"needs_approval", s.needs_approval},
      {"release_window_seconds", s.release_window.count()},
      {"check_in_required", s.check_in_required},
      {"active", s.active}};
  if (s.opening_hours)
    out["opening_hours"] = to_json(*s.opening_hours);
  else
    out["opening_hours"] = nullptr;
  return out;
}

boost::json::object to_json(const domain::group& g) {
  boost::json::array kinds;
  for (auto k : g.policy.bookable_kinds) kinds.emplace_back(domain::to_string(k));
  boost::json::object policy{{"bookable_kinds", std::move(kinds)}};
  policy["weekly_quota_hours"] =
      g.policy.weekly_quota_hours ? boost::json::value(*g.policy.weekly_quota_hours) : nullptr;
  policy["max_days_ahead"] =
      g.policy.max_days_ahead ? boost::json::value(*g.policy.max_days_ahead) : nullptr;
  boost::json::array grants;
  for (const auto& gr : g.grants)
    grants.push_back({{"door_id", gr.door_id}, {"schedule", to_json(gr.schedule)}});
  return {
      {"id", g.id}, {"name", g.name}, {"policy", std::move(policy)}, {"grants", std::move(grants)}};
}

boost::json::object to_json(const domain::door& d) {
  return {{"id", d.id},
          {"site_id", d.site_id},
          {"name", d.name},
          {"space_ids", strings(d.space_ids)},
          {"controller_id", d.controller_id ? boost::json::value(*d.controller_id) : nullptr},
          {"unlock_ms", d.unlock_time.count()},
          {"held_open_alarm_ms", d.held_open_alarm.count()},
          {"fail_mode", domain::to_string(d.fail_mode)},
          {"is_entrance", d.is_entrance}};
}

void read_site(body_fields& f, domain::site& out, bool creating) {
  const need n = creating ? need::required : need::optional;
  if (auto v = f.text("name", n, 200)) out.name = *v;
  if (auto v = f.text("time_zone", need::optional, 64)) out.time_zone = *v;
  read_hours_member(f, "opening_hours", out.opening_hours);
  read_closures_member(f, out.closures);
}

void read_space(body_fields& f, domain::space& out, bool creating) {
  const need n = creating ? need::required : need::optional;
  if (creating) {
    if (auto v = f.text("site_id", need::required, 100)) out.site_id = *v;
  }
  if (auto v = f.text("name", n, 200)) out.name = *v;
  if (auto v = f.text("kind", n, 20)) {
    if (auto k = domain::parse_space_kind(*v))
      out.kind = *k;
    else
      f.error("kind", "invalid", "one of desk, room, lab, event, training, showroom");
  }
  if (auto v = f.integer("capacity", n, 1, 100000)) out.capacity = static_cast<int>(*v);
  if (auto v = f.text("mode", need::optional, 20)) {
    if (auto m = domain::parse_booking_mode(*v))
      out.mode = *m;
    else
      f.error("mode", "invalid", "exclusive or shared");
  }
  if (const auto* pos = f.object("position", need::optional)) {
    body_fields p(*pos, f.path("position"));
    if (auto v = p.integer("floor", need::optional, -100, 1000))
      out.position.floor = static_cast<int>(*v);
    if (auto v = p.number("x", need::optional)) out.position.x = *v;
    if (auto v = p.number("y", need::optional)) out.position.y = *v;
    if (auto v = p.number("w", need::optional)) out.position.w = *v;
    if (auto v = p.number("h", need::optional)) out.position.h = *v;
    f.merge(p.finish());
  }
  if (auto v = f.text_list("features", need::optional)) out.features = *v;
  if (f.explicit_null("opening_hours")) {
    f.value("opening_hours", need::optional);
    out.opening_hours.reset();  // the site's hours apply again
  } else if (f.present("opening_hours")) {
    domain::weekly_hours h;
    read_hours_member(f, "opening_hours", h);
    out.opening_hours = h;
  }
  read_closures_member(f, out.closures);
  if (const auto* rules = f.object("rules", need::optional)) {
    body_fields r(*rules, f.path("rules"));
    if (auto v = r.integer("min_duration_minutes", need::optional, 1, 525600))
      out.rules.min_duration = minutes{*v};
    if (auto v = r.integer("max_duration_minutes", need::optional, 1, 525600))
      out.rules.max_duration = minutes{*v};
    if (auto v = r.integer("lead_time_minutes", need::optional, 0, 525600))
      out.rules.lead_time = minutes{*v};
    if (auto v = r.integer("max_days_ahead", need::optional, 0, 3650))
      out.rules.max_days_ahead = static_cast<int>(*v);
    if (auto v = r.integer("buffer_minutes", need::optional, 0, 1440))
      out.rules.buffer = minutes{*v};
    f.merge(r.finish());
  }
  if (auto v = f.text_list("allowed_group_ids", need::optional)) out.allowed_group_ids = *v;
  if (auto v = f.boolean("needs_approval", need::optional)) out.needs_approval = *v;
  if (auto v = f.integer("release_window_seconds", need::optional, 0, 86400))
    out.release_window = seconds{*v};
  if (auto v = f.boolean("check_in_required", need::optional)) out.check_in_required = *v;
  if (auto v = f.boolean("active", need::optional)) out.active = *v;
}

void read_group(body_fields& f, domain::group& out, bool creating) {
  const need n = creating ? need::required : need::optional;
  if (auto v = f.text("name", n, 200)) out.name = *v;
  if (const auto* policy = f.object("policy", need::optional)) {
    body_fields p(*policy, f.path("policy"));
    if (auto kinds = p.text_list("bookable_kinds", need::optional)) {
      out.policy.bookable_kinds.clear();
      for (const auto& k : *kinds) {
        if (auto kind = domain::parse_space_kind(k))
          out.policy.bookable_kinds.push_back(*kind);
        else
          p.error("bookable_kinds", "invalid", fmt::format("unknown kind '{}'", k));
      }
    }
    if (p.explicit_null("weekly_quota_hours")) out.policy.weekly_quota_hours.reset();
    if (auto v = p.number("weekly_quota_hours", need::optional)) {
      if (*v < 0 || *v > 168)
        p.error("weekly_quota_hours", "out_of_range", "0 to 168");
      else
        out.policy.weekly_quota_hours = *v;
    }
    if (p.explicit_null("max_days_ahead")) out.policy.max_days_ahead.reset();
    if (auto v = p.integer("max_days_ahead", need::optional, 0, 3650))
      out.policy.max_days_ahead = static_cast<int>(*v);
    f.merge(p.finish());
  }
  if (const auto* grants = f.array("grants", need::optional)) {
    std::vector<domain::door_grant> list;
    std::size_t i = 0;
    for (const auto& g : *grants) {
      const std::string path = fmt::format("{}[{}]", f.path("grants"), i++);
      if (!g.is_object()) {
        f.merge({{path, "wrong_type", "expected {door_id, schedule}"}});
        continue;
      }
      body_fields gf(g.get_object(), path);
      domain::door_grant grant;
      if (auto v = gf.text("door_id", need::required, 100)) grant.door_id = *v;
      if (const auto* sched = gf.value("schedule", need::required)) {
        std::vector<field_error> errs;
        if (auto h = read_weekly_hours(*sched, gf.path("schedule"), errs)) grant.schedule = *h;
        gf.merge(std::move(errs));
      }
      f.merge(gf.finish());
      list.push_back(std::move(grant));
    }
    out.grants = std::move(list);
  }
}

void read_door(body_fields& f, domain::door& out, bool creating) {
  const need n = creating ? need::required : need::optional;
  if (creating) {
    if (auto v = f.text("site_id", need::required, 100)) out.site_id = *v;
  }
  if (auto v = f.text("name", n, 200)) out.name = *v;
  if (auto v = f.text_list("space_ids", need::optional)) out.space_ids = *v;
  if (f.explicit_null("controller_id")) out.controller_id.reset();
  if (auto v = f.text("controller_id", need::optional, 100)) out.controller_id = *v;
  if (auto v =
          f.integer("unlock_ms", need::optional, protocol::min_unlock_ms, protocol::max_unlock_ms))
    out.unlock_time = std::chrono::milliseconds{*v};
  if (auto v = f.integer("held_open_alarm_ms", need::optional, protocol::min_held_open_ms,
                         protocol::max_held_open_ms))
    out.held_open_alarm = std::chrono::milliseconds{*v};
  if (auto v = f.text("fail_mode", need::optional, 20)) {
    if (auto m = domain::parse_fail_mode(*v))
      out.fail_mode = *m;
    else
      f.error("fail_mode", "invalid", "secure or safe");
  }
  if (auto v = f.boolean("is_entrance", need::optional)) out.is_entrance = *v;
}

}  // namespace hubgate::api
