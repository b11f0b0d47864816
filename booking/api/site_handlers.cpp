// Catalogue routes for sites, groups and doors: reads for signed-in users, writes for admins
// (the domain checks the role again). PATCH applies the members present onto the record.
#include <algorithm>

#include "booking/api/catalog_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/query_input.hpp"
#include "booking/domain/public_holidays.hpp"

namespace hubgate::api::handlers {
namespace {

auto render = [](const auto& v) { return to_json(v); };

// Reads the body onto `record` with `read`; a problem when the body or a field is bad.
template <class T, class Reader>
std::optional<problem> read_body(call& c, T& record, Reader read, bool creating) {
  auto body = parse_json_body(c.request);
  if (!body) return body.error();
  body_fields f(*body);
  read(f, record, creating);
  if (auto errors = f.finish(); !errors.empty()) return validation_failed(std::move(errors));
  return std::nullopt;
}

http::http_response no_query(call& c, const std::function<http::http_response()>& next) {
  query_fields q(c.target, {});
  if (auto errors = q.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  return next();
}

}  // namespace

http::http_response list_sites(call& c) {
  return no_query(c, [&] { return respond_list(c, c.svc.catalog.list_sites(c.actor()), render); });
}

http::http_response get_site(call& c) {
  return respond(c, c.svc.catalog.get_site(c.actor(), c.param("id")), render);
}

http::http_response create_site(call& c) {
  domain::site s;
  if (auto p = read_body(c, s, read_site, true)) return respond(c, *p);
  return respond(c, c.svc.catalog.create_site(c.actor(), std::move(s)), render, 201);
}

http::http_response update_site(call& c) {
  auto existing = c.svc.catalog.get_site(c.actor(), c.param("id"));
  if (!existing) return respond(c, existing.error());
  domain::site s = *existing;
  if (auto p = read_body(c, s, read_site, false)) return respond(c, *p);
  return respond(c, c.svc.catalog.update_site(c.actor(), std::move(s)), render);
}

http::http_response load_site_holidays(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  auto state = f.text("state", need::required, 2);
  auto year = f.integer("year", need::required, 2000, 2100);
  std::optional<std::vector<domain::closure>> holidays;
  if (state && year) {
    holidays = domain::german_public_holidays(*state, date::year{static_cast<int>(*year)});
    if (!holidays) f.error("state", "invalid", "a German state's code: BW, BY, BE, ... TH");
  }
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  auto existing = c.svc.catalog.get_site(c.actor(), c.param("id"));
  if (!existing) return respond(c, existing.error());
  domain::site s = *existing;
  std::int64_t added = 0;
  for (auto& day : *holidays) {
    const bool known = std::any_of(s.closures.begin(), s.closures.end(), [&](const auto& closed) {
      return closed.first == day.first && closed.last == day.last;
    });
    if (known) continue;
    s.closures.push_back(std::move(day));
    ++added;
  }
  auto updated = c.svc.catalog.update_site(c.actor(), std::move(s));
  if (!updated) return respond(c, updated.error());
  auto out = to_json(*updated);
  out["holidays_added"] = added;
  return json_response(200, out);
}

http::http_response list_groups(call& c) {
  return no_query(c, [&] { return respond_list(c, c.svc.catalog.list_groups(c.actor()), render); });
}

http::http_response get_group(call& c) {
  return respond(c, c.svc.catalog.get_group(c.actor(), c.param("id")), render);
}

http::http_response create_group(call& c) {
  domain::group g;
  if (auto p = read_body(c, g, read_group, true)) return respond(c, *p);
  return respond(c, c.svc.catalog.create_group(c.actor(), std::move(g)), render, 201);
}

http::http_response update_group(call& c) {
  auto existing = c.svc.catalog.get_group(c.actor(), c.param("id"));
  if (!existing) return respond(c, existing.error());
  domain::group g = *existing;
  if (auto p = read_body(c, g, read_group, false)) return respond(c, *p);
  return respond(c, c.svc.catalog.update_group(c.actor(), std::move(g)), render);
}

http::http_response delete_group(call& c) {
  auto r = c.svc.catalog.delete_group(c.actor(), c.param("id"));
  if (!r) return respond(c, r.error());
  return no_content();
}

http::http_response list_doors(call& c) {
  query_fields q(c.target, {"site"});
  auto site = q.text("site");
  if (auto errors = q.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  return respond_list(c, c.svc.catalog.list_doors(c.actor(), site), render);
}

http::http_response get_door(call& c) {
  return respond(c, c.svc.catalog.get_door(c.actor(), c.param("id")), render);
}

http::http_response create_door(call& c) {
  domain::door d;
  if (auto p = read_body(c, d, read_door, true)) return respond(c, *p);
  return respond(c, c.svc.catalog.create_door(c.actor(), std::move(d)), render, 201);
}

http::http_response update_door(call& c) {
  auto existing = c.svc.catalog.get_door(c.actor(), c.param("id"));
  if (!existing) return respond(c, existing.error());
  domain::door d = *existing;
  if (auto p = read_body(c, d, read_door, false)) return respond(c, *p);
  return respond(c, c.svc.catalog.update_door(c.actor(), std::move(d)), render);
}

}  // namespace hubgate::api::handlers
