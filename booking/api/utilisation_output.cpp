#include "booking/api/utilisation_output.hpp"

#include <fmt/format.h>

#include <boost/json/array.hpp>
#include <cctype>
#include <cmath>

#include "booking/domain/local_time.hpp"

namespace hubgate::api {
namespace {

std::string iso_week_label(const domain::utilisation_row& r) {
  return fmt::format("{}-W{:02}", r.iso_year, r.iso_week);
}

std::string date_text(date::year_month_day d) {
  return date::format("%F", d);
}

// Figures rounded for people; the exact seat-seconds stay available in JSON.
double round2(double v) {
  return std::round(v * 100.0) / 100.0;
}

}  // namespace

boost::json::object to_json(const domain::utilisation_report& report) {
  // The service resolved this zone already; UTC only guards against a vanished tz entry.
  auto found = domain::find_zone(report.time_zone);
  const auto* zone = found ? *found : date::locate_zone("UTC");
  boost::json::array rows;
  for (const auto& r : report.rows) {
    boost::json::object o;
    o["week"] = iso_week_label(r);
    o["week_start"] = date_text(r.week_start);
    o["from"] = domain::format_rfc3339(zone, r.period.from);
    o["to"] = domain::format_rfc3339(zone, r.period.to);
    o["key"] = r.key;
    o["label"] = r.label;
    o["kind"] = domain::to_string(r.kind);
    o["booked_seat_hours"] = round2(r.booked_seat_hours());
    o["capacity_seat_hours"] = round2(r.capacity_seat_hours());
    if (auto p = r.utilisation_percent())
      o["utilisation_percent"] = round2(*p);
    else
      o["utilisation_percent"] = nullptr;
    o["bookings"] = r.bookings;
    o["no_shows"] = r.no_shows;
    o["cancellations"] = r.cancellations;
    rows.push_back(std::move(o));
  }
  return {{"site_id", report.site_id},
          {"time_zone", report.time_zone},
          {"from", domain::format_rfc3339(zone, report.range.from)},
          {"to", domain::format_rfc3339(zone, report.range.to)},
          {"group_by", domain::to_string(report.group_by)},
          {"rows", std::move(rows)}};
}

std::string csv_field(std::string_view text) {
  std::string value;
  if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos &&
      !(text.front() == '-' && text.size() > 1 &&
        std::isdigit(static_cast<unsigned char>(text[1]))))
    value += '\'';
  value.append(text);
  if (value.find_first_of(",\"\r\n") == std::string::npos) return value;
  std::string quoted = "\"";
  for (char ch : value) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  quoted += '"';
  return quoted;
}

std::string to_csv(const domain::utilisation_report& report) {
  std::string out =
      report.group_by == domain::utilisation_grouping::kind
          ? "week,week_start,kind,booked_seat_hours,capacity_seat_hours,utilisation_percent,"
            "bookings,no_shows,cancellations\r\n"
          : "week,week_start,space_id,space,kind,booked_seat_hours,capacity_seat_hours,"
            "utilisation_percent,bookings,no_shows,cancellations\r\n";
  for (const auto& r : report.rows) {
    const auto percent = r.utilisation_percent();
    const auto figures =
        fmt::format("{:.2f},{:.2f},{},{},{},{}", r.booked_seat_hours(), r.capacity_seat_hours(),
                    percent ? fmt::format("{:.2f}", *percent) : std::string(), r.bookings,
                    r.no_shows, r.cancellations);
    if (report.group_by == domain::utilisation_grouping::kind)
      out += fmt::format("{},{},{},{}\r\n", iso_week_label(r), date_text(r.week_start),
                         csv_field(r.key), figures);
    else
      out += fmt::format("{},{},{},{},{},{}\r\n", iso_week_label(r), date_text(r.week_start),
                         csv_field(r.key), csv_field(r.label), domain::to_string(r.kind), figures);
  }
  return out;
}

}  // namespace hubgate::api
