// Space routes: search and read for signed-in users; create, change (capacity cuts are
// checked against future bookings by the domain and store) and deactivate for admins.
#include <fmt/format.h>

#include <boost/json/serialize.hpp>

#include "booking/api/catalog_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/query_input.hpp"

namespace hubgate::api::handlers {
namespace {

auto render = [](const domain::space& s) { return to_json(s); };

std::optional<problem> read_space_body(call& c, domain::space& s, bool creating) {
  auto body = parse_json_body(c.request);
  if (!body) return body.error();
  body_fields f(*body);
  read_space(f, s, creating);
  if (auto errors = f.finish(); !errors.empty()) return validation_failed(std::move(errors));
  return std::nullopt;
}

}  // namespace

http::http_response list_spaces(call& c) {
  query_fields q(c.target, {"site", "kind", "feature", "seats", "include_inactive"});
  domain::space_filter filter;
  filter.site_id = q.text("site");
  if (auto kind = q.text("kind")) {
    if (auto k = domain::parse_space_kind(*kind))
      filter.kind = *k;
    else
      q.error("kind", "invalid", "one of desk, room, lab, event, training, showroom");
  }
  for (const auto& [key, value] : c.target.query)
    if (key == "feature" && !value.empty()) filter.features.push_back(value);
  filter.min_capacity = q.integer("seats", 1, 100000);
  if (auto inactive = q.text("include_inactive")) {
    if (*inactive == "true")
      filter.include_inactive = true;
    else if (*inactive != "false")
      q.error("include_inactive", "wrong_type", "true or false");
  }
  if (auto errors = q.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  auto all = c.svc.catalog.list_spaces(c.actor(), filter);
  if (!all) return respond(c, all.error());
  std::string key = fmt::format("{}|{}|{}|{}|", filter.site_id.value_or(""),
                                filter.kind ? domain::to_string(*filter.kind) : "",
                                filter.min_capacity.value_or(0), filter.include_inactive);
  for (const auto& f : filter.features) key += f + "|";
  auto body = c.svc.space_lists.get(key, *all, [&] {
    boost::json::array items;
    for (const auto& s : **all)
      if (domain::matches(s, filter)) items.push_back(to_json(s));
    return boost::json::serialize(boost::json::object{{"items", std::move(items)}});
  });
  return json_text_response(200, *body);
}

http::http_response get_space(call& c) {
  return respond(c, c.svc.catalog.get_space(c.actor(), c.param("id")), render);
}

http::http_response create_space(call& c) {
  domain::space s;
  if (auto p = read_space_body(c, s, true)) return respond(c, *p);
  return respond(c, c.svc.catalog.create_space(c.actor(), std::move(s)), render, 201);
}

http::http_response update_space(call& c) {
  auto existing = c.svc.catalog.get_space(c.actor(), c.param("id"));
  if (!existing) return respond(c, existing.error());
  domain::space s = *existing;
  if (auto p = read_space_body(c, s, false)) return respond(c, *p);
  return respond(c, c.svc.catalog.update_space(c.actor(), std::move(s), c.svc.now()), render);
}

http::http_response deactivate_space(call& c) {
  return respond(c, c.svc.catalog.deactivate_space(c.actor(), c.param("id"), c.svc.now()), render);
}

}  // namespace hubgate::api::handlers
