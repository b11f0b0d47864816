#include "booking/net/http_conventions.hpp"

#include <fmt/format.h>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <ctime>
#include <random>

namespace hubgate::net {

bool is_sane_request_id(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (const char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

std::string make_request_id() {
  // Per-thread engine: no lock on the request path. Ids need uniqueness, not secrecy.
  thread_local std::mt19937_64 engine{std::random_device{}()};
  return fmt::format("{:016x}", engine());
}

std::string http_date(std::chrono::system_clock::time_point when) {
  static constexpr const char* days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr const char* months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                           "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm utc{};
  ::gmtime_r(&t, &utc);
  return fmt::format("{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT", days[utc.tm_wday], utc.tm_mday,
                     months[utc.tm_mon], utc.tm_year + 1900, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

http::http_response problem_response(int status, std::string_view code, std::string_view title,
                                     std::string_view detail) {
  boost::json::object body;
  body["type"] = "about:blank";
  body["title"] = title;
  body["status"] = status;
  body["code"] = code;
  if (!detail.empty()) body["detail"] = detail;
  http::http_response response;
  response.status = status;
  response.set_header("content-type", "application/problem+json");
  response.body = boost::json::serialize(body);
  return response;
}

std::string_view path_of(std::string_view target) {
  return target.substr(0, target.find('?'));
}

std::string loggable_path(std::string_view target) {
  constexpr std::string_view feeds = "/api/v1/calendar/";
  const auto path = path_of(target);
  if (path.starts_with(feeds) && path.ends_with(".ics")) return std::string(feeds) + "{token}.ics";
  return std::string(path);
}

}  // namespace hubgate::net
