// Field checks of catalogue and user records: every bad field is reported at once.
#include <fmt/format.h>

#include <algorithm>

#include "booking/domain/catalog_service.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/domain/user_service.hpp"
#include "protocol/access_list.hpp"

namespace hubgate::domain {
namespace {

using namespace std::chrono;

class checker {
 public:
  void require(bool ok, std::string field, std::string code, std::string message) {
    if (!ok) f_.fields.push_back({std::move(field), std::move(code), std::move(message)});
  }
  void name(const std::string& value, const std::string& field) {
    require(!value.empty(), field, "required", "must not be empty");
    require(value.size() <= 200, field, "too_long", "at most 200 characters");
  }
  void merge(const outcome<void>& r) {
    if (r) return;
    auto e = r.error();  // by value: take the fields from one copy
    f_.fields.insert(f_.fields.end(), e.fields.begin(), e.fields.end());
  }
  outcome<void> result() {
    if (f_.fields.empty()) return {};
    f_.code = make_error_code(errc::validation_failed);
    f_.message = "some fields are not valid";
    return f_;
  }

 private:
  failure f_;
};

void check_closures(checker& c, const std::vector<closure>& closures, const std::string& field) {
  for (std::size_t i = 0; i < closures.size(); ++i) {
    const auto& cl = closures[i];
    auto f = fmt::format("{}[{}]", field, i);
    c.require(cl.first.ok() && cl.last.ok(), f, "invalid_date", "not a calendar date");
    c.require(cl.first <= cl.last, f, "last_before_first", "the last day is before the first");
  }
}

}  // namespace

outcome<void> validate(const weekly_hours& h, const std::string& field) {
  checker c;
  for (std::size_t d = 0; d < 7; ++d) {
    auto sorted = h.days[d];
    std::sort(sorted.begin(), sorted.end(),
              [](const local_interval& a, const local_interval& b) { return a.open < b.open; });
    for (std::size_t i = 0; i < sorted.size(); ++i) {
      auto f = fmt::format("{}[{}]", field, d);
      const auto& iv = sorted[i];
      c.require(iv.open >= minutes{0} && iv.close <= hours{24} && iv.open < iv.close, f,
                "invalid_interval", "opening must be before closing, within 00:00-24:00");
      if (i > 0) c.require(sorted[i - 1].close <= iv.open, f, "overlapping", "periods overlap");
    }
  }
  return c.result();
}

outcome<void> validate(const site& s) {
  checker c;
  c.name(s.name, "name");
  c.require(find_zone(s.time_zone).has_value(), "time_zone", "unknown_time_zone",
            "not an IANA time zone such as Europe/Berlin");
  c.merge(validate(s.opening_hours, "opening_hours"));
  check_closures(c, s.closures, "closures");
  return c.result();
}

outcome<void> validate(const space& s) {
  checker c;
  c.name(s.name, "name");
  c.require(!s.site_id.empty(), "site_id", "required", "must not be empty");
  c.require(s.capacity >= 1 && s.capacity <= 100000, "capacity", "out_of_range",
            "between 1 and 100000");
  if (s.opening_hours) c.merge(validate(*s.opening_hours, "opening_hours"));
  check_closures(c, s.closures, "closures");
  const auto& r = s.rules;
  c.require(r.min_duration > seconds{0}, "rules.min_duration", "out_of_range", "must be positive");
  c.require(r.max_duration >= r.min_duration, "rules.max_duration", "out_of_range",
            "must not be below the minimum duration");
  c.require(r.lead_time >= seconds{0}, "rules.lead_time", "out_of_range", "must not be negative");
  c.require(r.max_days_ahead >= 0 && r.max_days_ahead <= 3660, "rules.max_days_ahead",
            "out_of_range", "between 0 and 3660");
  c.require(r.buffer >= seconds{0} && r.buffer <= hours{24}, "rules.buffer", "out_of_range",
            "between 0 and 24 hours");
  c.require(s.release_window >= seconds{0}, "release_window", "out_of_range",
            "must not be negative");
  return c.result();
}

outcome<void> validate(const group& g) {
  checker c;
  c.name(g.name, "name");
  if (g.policy.weekly_quota_hours)
    c.require(*g.policy.weekly_quota_hours >= 0 && *g.policy.weekly_quota_hours <= 168,
              "policy.weekly_quota_hours", "out_of_range", "between 0 and 168");
  if (g.policy.max_days_ahead)
    c.require(*g.policy.max_days_ahead >= 0 && *g.policy.max_days_ahead <= 3660,
              "policy.max_days_ahead", "out_of_range", "between 0 and 3660");
  for (std::size_t i = 0; i < g.grants.size(); ++i) {
    c.require(!g.grants[i].door_id.empty(), fmt::format("grants[{}].door_id", i), "required",
              "must not be empty");
    c.merge(validate(g.grants[i].schedule, fmt::format("grants[{}].schedule", i)));
  }
  return c.result();
}

outcome<void> validate(const door& d) {
  checker c;
  c.name(d.name, "name");
  c.require(!d.site_id.empty(), "site_id", "required", "must not be empty");
  // The ranges a board accepts in its signed list (protocol/access_list.hpp).
  c.require(d.unlock_time >= milliseconds{protocol::min_unlock_ms} &&
                d.unlock_time <= milliseconds{protocol::max_unlock_ms},
            "unlock_time", "out_of_range", "between 100 ms and 10 minutes");
  c.require(d.held_open_alarm >= milliseconds{protocol::min_held_open_ms} &&
                d.held_open_alarm <= milliseconds{protocol::max_held_open_ms},
            "held_open_alarm", "out_of_range", "between 1 second and 1 hour");
  return c.result();
}

outcome<void> validate(const user& u) {
  checker c;
  auto at = u.email.find('@');
  c.require(at != std::string::npos && at > 0 && at + 1 < u.email.size() && u.email.size() <= 254 &&
                u.email.find(' ') == std::string::npos,
            "email", "invalid_email", "not an e-mail address");
  c.name(u.display_name, "display_name");
  c.require(!u.language.empty() && u.language.size() <= 35, "language", "invalid_language",
            "a language tag such as en or de");
  return c.result();
}

outcome<void> validate(const credential& cr) {
  checker c;
  c.require(!cr.user_id.empty(), "user_id", "required", "must not be empty");
  c.require(normalise_card_id(cr.card_id).has_value(), "card_id", "invalid_card_id",
            "4 to 32 bytes in hex");
  c.require(cr.label.size() <= 200, "label", "too_long", "at most 200 characters");
  return c.result();
}

outcome<std::string> normalise_card_id(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == ':' || ch == ' ' || ch == '-') continue;
    if (!std::isxdigit(static_cast<unsigned char>(ch)))
      return field_failure("card_id", "invalid_card_id", "4 to 32 bytes in hex");
    out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(ch))));
  }
  if (out.size() % 2 != 0 || out.size() < 8 || out.size() > 64)
    return field_failure("card_id", "invalid_card_id", "4 to 32 bytes in hex");
  return out;
}

std::string card_hint_of(std::string_view card_id) {
  constexpr std::size_t shown = 4;
  return std::string(card_id.substr(card_id.size() - std::min(card_id.size(), shown)));
}

}  // namespace hubgate::domain
