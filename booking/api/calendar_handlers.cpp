// Calendar feed routes: a member manages the secret feed URL; calendar clients fetch the
// feed anonymously with it (the unguessable token is the credential) and poll by ETag.
#include <fmt/format.h>

#include <cctype>
#include <cstdio>

#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/auth/secret_token.hpp"
#include "booking/calendar/feed_service.hpp"
#include "booking/domain/local_time.hpp"

namespace hubgate::api::handlers {
namespace {

constexpr std::string_view feed_prefix = "/api/v1/calendar/";

// Only the characters random_token produces: anything else cannot be a feed.
bool plausible_token(std::string_view t) {
  if (t.size() < 32 || t.size() > 128) return false;
  for (char ch : t)
    if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '-' && ch != '_') return false;
  return true;
}

// The feed's address as the member's browser reached the service; the host header is only
// echoed to the member who sent it.
std::string feed_url(const call& c, std::string_view scheme, const std::string& token) {
  auto host = c.request.header("host");
  bool host_ok = !host.empty() && host.size() <= 255;
  for (char ch : host)
    if (!std::isalnum(static_cast<unsigned char>(ch)) &&
        std::string_view(".-:[]").find(ch) == std::string_view::npos)
      host_ok = false;
  const auto path = fmt::format("{}{}.ics", feed_prefix, token);
  if (!host_ok) return path;
  return fmt::format("{}://{}{}", scheme, host, path);
}

boost::json::object feed_status(const call& c,
                                const std::optional<domain::calendar_feed_record>& feed) {
  boost::json::object o{{"exists", feed.has_value()}};
  if (feed)
    o["created_at"] = domain::format_rfc3339(c.svc.default_zone, feed->created_at);
  else
    o["created_at"] = nullptr;
  return o;
}

// Whether If-None-Match lists `etag` (or is "*").
bool etag_matches(std::string_view header, std::string_view etag) {
  std::size_t pos = 0;
  while (pos < header.size()) {
    auto comma = header.find(',', pos);
    if (comma == std::string_view::npos) comma = header.size();
    auto item = header.substr(pos, comma - pos);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (item.starts_with("W/")) item.remove_prefix(2);
    if (item == etag || item == "*") return true;
    pos = comma + 1;
  }
  return false;
}

}  // namespace

http::http_response calendar_feed_status(call& c) {
  auto r = c.svc.feeds.status(c.actor());
  if (!r) return respond(c, r.error());
  return json_response(200, feed_status(c, *r));
}

http::http_response create_calendar_feed(call& c) {
  auto body = parse_json_body(c.request);
  if (!body) return respond(c, body.error());
  body_fields f(*body);
  if (auto errors = f.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));
  const auto token = auth::random_token(32);
  auto r = c.svc.feeds.issue(c.actor(), token, c.svc.now());
  if (!r) return respond(c, r.error());
  auto o = feed_status(c, *r);
  o["token"] = token;
  o["path"] = fmt::format("{}{}.ics", feed_prefix, token);
  o["url"] = feed_url(c, "https", token);
  o["webcal_url"] = feed_url(c, "webcal", token);
  return json_response(201, o);
}

http::http_response revoke_calendar_feed(call& c) {
  auto r = c.svc.feeds.revoke(c.actor());
  if (!r) return respond(c, r.error());
  return no_content();
}

http::http_response calendar_feed_ics(call& c) {
  auto token = c.param("token");
  if (!plausible_token(token)) return respond(c, not_found("no such calendar feed"));
  auto feed = c.svc.feeds.render(token, c.svc.now());
  if (!feed) {
    if (feed.error().is(domain::errc::not_found))
      return respond(c, not_found("no such calendar feed"));
    return respond(c, feed.error());
  }
  const auto etag = fmt::format("\"{}\"", auth::sha256_hex(feed->body).substr(0, 32));
  http::http_response r;
  r.set_header("etag", etag);
  // Calendar clients may keep a copy but must ask again (cheaply, with If-None-Match).
  r.set_header("cache-control", "private, no-cache");
  add_security_headers(r, false);
  if (etag_matches(c.request.header("if-none-match"), etag)) {
    r.status = 304;
    return r;
  }
  r.status = 200;
  r.body = std::move(feed->body);
  r.set_header("content-type", "text/calendar; charset=utf-8");
  r.set_header("content-disposition", "inline; filename=\"hubgate.ics\"");
  return r;
}

}  // namespace hubgate::api::handlers
