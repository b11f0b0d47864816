// Weekly hours and closures as JSON (declared in catalog_json.hpp).
#include <date/date.h>
#include <fmt/format.h>

#include <array>
#include <cctype>

#include "booking/api/catalog_json.hpp"

namespace hubgate::api {
namespace {

constexpr std::array<std::string_view, 7> day_names = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};

std::string hhmm(std::chrono::minutes m) {
  return fmt::format("{:02}:{:02}", m.count() / 60, m.count() % 60);
}

// "07:00" -> 420 minutes; "24:00" allowed as the end of the day.
std::optional<std::chrono::minutes> parse_hhmm(std::string_view s) {
  if (s.size() != 5 || s[2] != ':') return std::nullopt;
  for (int i : {0, 1, 3, 4})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  int h = (s[0] - '0') * 10 + (s[1] - '0'), m = (s[3] - '0') * 10 + (s[4] - '0');
  if (m > 59 || h > 24 || (h == 24 && m != 0)) return std::nullopt;
  return std::chrono::minutes{h * 60 + m};
}

std::string ymd_text(const date::year_month_day& d) {
  return date::format("%F", d);
}

std::optional<date::year_month_day> parse_ymd(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
  auto num = [&](std::size_t pos, std::size_t n) {
    int v = 0;
    for (std::size_t i = pos; i < pos + n; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  date::year_month_day d{date::year{num(0, 4)}, date::month{static_cast<unsigned>(num(5, 2))},
                         date::day{static_cast<unsigned>(num(8, 2))}};
  if (!d.ok()) return std::nullopt;
  return d;
}

}  // namespace

boost::json::object to_json(const domain::weekly_hours& hours) {
  boost::json::object out;
  for (std::size_t d = 0; d < 7; ++d) {
    boost::json::array day;
    for (const auto& iv : hours.days[d])
      day.push_back({{"open", hhmm(iv.open)}, {"close", hhmm(iv.close)}});
    out[day_names[d]] = std::move(day);
  }
  return out;
}

boost::json::array to_json(const std::vector<domain::closure>& closures) {
  boost::json::array out;
  for (const auto& c : closures)
    out.push_back({{"first", ymd_text(c.first)}, {"last", ymd_text(c.last)}, {"reason", c.reason}});
  return out;
}

std::optional<domain::weekly_hours> read_weekly_hours(const boost::json::value& v,
                                                      const std::string& path,
                                                      std::vector<field_error>& errors) {
  if (!v.is_object()) {
    errors.push_back({path, "wrong_type", "expected an object of weekdays"});
    return std::nullopt;
  }
  domain::weekly_hours out;
  const std::size_t before = errors.size();
  for (const auto& member : v.get_object()) {
    std::size_t d = 0;
    while (d < 7 && day_names[d] != std::string_view(member.key())) ++d;
    const std::string day_path = fmt::format("{}.{}", path, std::string_view(member.key()));
    if (d == 7) {
      errors.push_back({day_path, "unknown_field", "expected monday ... sunday"});
      continue;
    }
    if (!member.value().is_array()) {
      errors.push_back({day_path, "wrong_type", "expected an array of {open, close}"});
      continue;
    }
    std::size_t i = 0;
    for (const auto& item : member.value().get_array()) {
      const std::string item_path = fmt::format("{}[{}]", day_path, i++);
      if (!item.is_object() || item.get_object().size() != 2 ||
          !item.get_object().contains("open") || !item.get_object().contains("close") ||
          !item.get_object().at("open").is_string() || !item.get_object().at("close").is_string()) {
        errors.push_back(
            {item_path, "wrong_type", "expected {\"open\":\"HH:MM\",\"close\":\"HH:MM\"}"});
        continue;
      }
      auto open = parse_hhmm(item.get_object().at("open").get_string());
      auto close = parse_hhmm(item.get_object().at("close").get_string());
      if (!open || !close || *open >= *close) {
        errors.push_back({item_path, "invalid", "times are HH:MM with open before close"});
        continue;
      }
      out.days[d].push_back({*open, *close});
    }
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

std::optional<std::vector<domain::closure>> read_closures(const boost::json::value& v,
                                                          const std::string& path,
                                                          std::vector<field_error>& errors) {
  if (!v.is_array()) {
    errors.push_back({path, "wrong_type", "expected an array of closures"});
    return std::nullopt;
  }
  std::vector<domain::closure> out;
  const std::size_t before = errors.size();
  std::size_t i = 0;
  for (const auto& item : v.get_array()) {
    const std::string item_path = fmt::format("{}[{}]", path, i++);
    if (!item.is_object()) {
      errors.push_back({item_path, "wrong_type", "expected {first, last, reason}"});
      continue;
    }
    body_fields f(item.get_object(), item_path);
    auto first = f.text("first", need::required, 10);
    auto last = f.text("last", need::required, 10);
    auto reason = f.text("reason", need::optional, 200);
    auto errs = f.finish();
    errors.insert(errors.end(), errs.begin(), errs.end());
    if (!first || !last) continue;
    auto a = parse_ymd(*first), b = parse_ymd(*last);
    if (!a || !b || date::sys_days{*b} < date::sys_days{*a}) {
      errors.push_back({item_path, "invalid", "dates are YYYY-MM-DD with first <= last"});
      continue;
    }
    out.push_back({*a, *b, reason.value_or("")});
  }
  if (errors.size() != before) return std::nullopt;
  return out;
}

}  // namespace hubgate::api
