// Report routes: utilisation per ISO week and space or kind, as JSON or CSV.
#include <fmt/format.h>

#include <cctype>
#include <cstdio>

#include "booking/api/handler_support.hpp"
#include "booking/api/handlers.hpp"
#include "booking/api/query_input.hpp"
#include "booking/api/utilisation_output.hpp"

namespace hubgate::api::handlers {
namespace {

// "2027-03-22" -> a calendar date; anything else is a field error.
std::optional<date::year_month_day> parse_date(query_fields& q, std::string_view name) {
  auto text = q.text(name);
  if (!text) return std::nullopt;
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text->size() != 10 || std::sscanf(text->c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) {
    q.error(name, "invalid", "a date like 2027-03-22");
    return std::nullopt;
  }
  date::year_month_day day{date::year{y}, date::month{m}, date::day{d}};
  if (!day.ok()) {
    q.error(name, "invalid", "not a calendar date");
    return std::nullopt;
  }
  return day;
}

bool wants_csv(const call& c, const std::optional<std::string>& format) {
  if (format) return *format == "csv";
  auto accept = c.request.header("accept");
  return accept.find("text/csv") != std::string_view::npos &&
         accept.find("application/json") == std::string_view::npos;
}

}  // namespace

http::http_response utilisation_report(call& c) {
  query_fields q(c.target, {"site", "from", "to", "group_by", "format"});
  domain::utilisation_query query;
  auto site = q.text("site", true);
  auto from = parse_date(q, "from");
  auto to = parse_date(q, "to");
  if (auto g = q.text("group_by")) {
    if (auto parsed = domain::parse_utilisation_grouping(*g))
      query.group_by = *parsed;
    else
      q.error("group_by", "invalid", "space or kind");
  }
  auto format = q.text("format");
  if (format && *format != "csv" && *format != "json") q.error("format", "invalid", "csv or json");
  if (auto errors = q.finish(); !errors.empty())
    return respond(c, validation_failed(std::move(errors)));

  query.site_id = *site;
  query.first = from;
  query.last = to;

  auto report = c.svc.utilisation.report(c.actor(), query, c.svc.now());
  if (!report) return respond(c, report.error());
  if (!wants_csv(c, format)) return json_response(200, to_json(*report));

  http::http_response r;
  r.status = 200;
  r.body = to_csv(*report);
  r.set_header("content-type", "text/csv; charset=utf-8; header=present");
  r.set_header("content-disposition",
               fmt::format("attachment; filename=\"utilisation-{}-{}.csv\"",
                           date::format("%F", report->first), date::format("%F", report->last)));
  add_security_headers(r, true);
  return r;
}

}  // namespace hubgate::api::handlers
