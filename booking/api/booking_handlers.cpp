// Booking routes: create, edit, list, read, the status actions, and availability searches.
#include <boost/json/array.hpp>

#include "booking/api/booking_json.hpp"
#include "booking/api/catalog_json.hpp"
#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/query_input.hpp"

namespace hubgate::api::handlers {
namespace {

// The status actions share one shape: an empty body, the id from the path, the domain call,
// replied to once the change is durable.
void booking_action(call& c, domain::booking_action action, http::reply_fn reply) {
  auto body = parse_json_body(c.request);
  if (!body) return reply(respond(c, body.error()));
  body_fields f(*body);
  if (auto errors = f.finish(); !errors.empty())
    return reply(respond(c, validation_failed(std::move(errors))));
  c.svc.bookings.act_then(
      c.actor(), c.param("id"), action, c.svc.now(),
      reply_with<domain::booking>(c, std::move(reply), [](const auto& b) { return to_json(b); }));
}

}  // namespace

void create_booking(call& c, http::reply_fn reply) {
  auto body = parse_json_body(c.request);
  if (!body) return reply(respond(c, body.error()));
  body_fields f(*body);
  domain::booking_request req;
  auto space_id = f.text("space_id", need::required, 100);
  auto start = f.time("start", need::required);
  auto end = f.time("end", need::required);
  auto seats = f.integer("seats", need::optional, 1, 100000);
  auto title = f.text("title", need::optional, 200);
  req.user_id = f.text("user_id", need::optional, 100);
  if (auto errors = f.finish(); !errors.empty())
    return reply(respond(c, validation_failed(std::move(errors))));
  req.space_id = *space_id;
  req.start = *start;
  req.end = *end;
  req.seats = static_cast<int>(seats.value_or(1));
  req.title = title.value_or("");
  // Replied on the store's delivery thread once the booking is durable.
  auto created = [&metrics = c.svc.metrics](const domain::booking& b) {
    metrics.booking_created();
    return to_json(b);
  };
  c.svc.bookings.create_then(c.actor(), req, c.svc.now(),
                             reply_with<domain::booking>(c, std::move(reply), created, 201));
}

void edit_booking(call& c, http::reply_fn reply) {
  auto body = parse_json_body(c.request);
  if (!body) return reply(respond(c, body.error()));
  body_fields f(*body);
  domain::booking_edit change;
  change.space_id = f.text("space_id", need::optional, 100);
  change.start = f.time("start", need::optional);
  change.end = f.time("end", need::optional);
  if (auto seats = f.integer("seats", need::optional, 1, 100000))
    change.seats = static_cast<int>(*seats);
  change.title = f.text("title", need::optional, 200);
  if (auto errors = f.finish(); !errors.empty())
    return reply(respond(c, validation_failed(std::move(errors))));
  // Replied on the store's delivery thread once the change is durable.
  c.svc.bookings.edit_then(
      c.actor(), c.param("id"), change, c.svc.now(),
      reply_with<domain::booking>(c, std::move(reply), [](const auto& b) { return to_json(b); }));
}

http::http_response list_bookings(call& c) {
  query_fields q(c.target, {"from", "to", "status", "user", "space"});
  domain::booking_query query;
  std::vector<field_error> errors;
  if (auto from = q.time("from", false))
    query.from = resolve_time(*from, c.svc.default_zone, "from", errors);
  if (auto to = q.time("to", false)) query.to = resolve_time(*to, c.svc.default_zone, "to", errors);
  if (auto status = q.text("status")) {
    if (auto s = domain::parse_booking_status(*status))
      query.status = *s;
    else
      q.error("status", "invalid",
              "pending, confirmed, checked_in, released, cancelled or completed");
  }
  query.user_id = q.text("user");
  query.space_id = q.text("space");
  auto qerrors = q.finish();
  errors.insert(errors.end(), qerrors.begin(), qerrors.end());
  if (!errors.empty()) return respond(c, validation_failed(std::move(errors)));
  if (query.user_id && !c.actor().is_admin() && *query.user_id != c.actor().user_id)
    return respond(c, forbidden("only admins list other users' bookings"));
  return respond_list(c, c.svc.bookings.list(c.actor(), query),
                      [](const auto& b) { return to_json(b); });
}

http::http_response get_booking(call& c) {
  return respond(c, c.svc.bookings.get(c.actor(), c.param("id")),
                 [](const auto& b) { return to_json(b); });
}

void cancel_booking(call& c, http::reply_fn reply) {
  booking_action(c, domain::booking_action::cancel, std::move(reply));
}
void check_in_booking(call& c, http::reply_fn reply) {
  booking_action(c, domain::booking_action::check_in, std::move(reply));
}
void approve_booking(call& c, http::reply_fn reply) {
  booking_action(c, domain::booking_action::approve, std::move(reply));
}
void reject_booking(call& c, http::reply_fn reply) {
  booking_action(c, domain::booking_action::reject, std::move(reply));
}

http::http_response availability(call& c) {
  query_fields q(c.target, {"kind", "site", "from", "to", "seats"});
  domain::availability_query query;
  if (auto kind = q.text("kind")) {
    if (auto k = domain::parse_space_kind(*kind))
      query.kind = *k;
    else
      q.error("kind", "invalid", "one of desk, room, lab, event, training, showroom");
  }
  query.site_id = q.text("site");
  auto from = q.time("from", true);
  auto to = q.time("to", true);
  query.seats = q.integer("seats", 1, 100000).value_or(1);
  if (auto errors = q.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  query.from = *from;
  query.to = *to;
  return respond_list(c, c.svc.bookings.availability(c.actor(), query, c.svc.now()),
                      [](const auto& a) { return to_json(a); });
}

http::http_response space_availability(call& c) {
  query_fields q(c.target, {"from", "to"});
  auto from = q.time("from", true);
  auto to = q.time("to", true);
  if (auto errors = q.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  auto r = c.svc.bookings.space_free_segments(c.actor(), c.param("id"), *from, *to);
  if (!r) return respond(c, r.error());
  boost::json::array segments;
  for (const auto& s : *r) segments.push_back(to_json(s));
  return json_response(200, boost::json::object{{"space_id", std::string(c.param("id"))},
                                                {"segments", std::move(segments)}});
}

}  // namespace hubgate::api::handlers
