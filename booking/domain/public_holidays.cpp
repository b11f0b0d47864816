#include "booking/domain/public_holidays.hpp"

#include <algorithm>
#include <array>

namespace hubgate::domain {
namespace {

using date::days;
using date::sys_days;

constexpr std::array<std::string_view, 16> states{"BB", "BE", "BW", "BY", "HB", "HE", "HH", "MV",
                                                  "NI", "NW", "RP", "SH", "SL", "SN", "ST", "TH"};

// A holiday kept in the states listed, or everywhere when `in` is empty.
struct holiday {
  const char* name;
  std::string_view in;  // state codes separated by spaces
  date::year_month_day (*on)(date::year, date::year_month_day easter);
};

template <unsigned M, unsigned D>
date::year_month_day fixed(date::year y, date::year_month_day) {
  return y / date::month{M} / date::day{D};
}

template <int Offset>
date::year_month_day after_easter(date::year, date::year_month_day easter) {
  return date::year_month_day{sys_days{easter} + days{Offset}};
}

// Day of Repentance and Prayer: the last Wednesday before 23 November.
date::year_month_day repentance_day(date::year y, date::year_month_day) {
  const sys_days before = sys_days{y / date::November / date::day{22}};
  const auto back = (date::weekday{before} - date::Wednesday).count();
  return date::year_month_day{before - days{back}};
}

constexpr std::array<holiday, 17> holidays{{
    {"Neujahr", "", fixed<1, 1>},
    {"Heilige Drei Könige", "BW BY ST", fixed<1, 6>},
    {"Internationaler Frauentag", "BE MV", fixed<3, 8>},
    {"Karfreitag", "", after_easter<-2>},
    {"Ostermontag", "", after_easter<1>},
    {"Tag der Arbeit", "", fixed<5, 1>},
    {"Christi Himmelfahrt", "", after_easter<39>},
    {"Pfingstmontag", "", after_easter<50>},
    {"Fronleichnam", "BW BY HE NW RP SL", after_easter<60>},
    {"Mariä Himmelfahrt", "SL", fixed<8, 15>},
    {"Weltkindertag", "TH", fixed<9, 20>},
    {"Tag der Deutschen Einheit", "", fixed<10, 3>},
    {"Reformationstag", "BB HB HH MV NI SH SN ST TH", fixed<10, 31>},
    {"Allerheiligen", "BW BY NW RP SL", fixed<11, 1>},
    {"Buß- und Bettag", "SN", repentance_day},
    {"1. Weihnachtstag", "", fixed<12, 25>},
    {"2. Weihnachtstag", "", fixed<12, 26>},
}};

bool kept_in(const holiday& h, std::string_view state) {
  if (h.in.empty()) return true;
  for (std::size_t at = 0; at + 2 <= h.in.size(); at += 3)
    if (h.in.substr(at, 2) == state) return true;
  return false;
}

}  // namespace

std::span<const std::string_view> german_states() noexcept {
  return states;
}

date::year_month_day easter_sunday(date::year y) noexcept {
  // The anonymous Gregorian algorithm (Meeus/Jones/Butcher).
  const int year = static_cast<int>(y);
  const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return y / date::month{static_cast<unsigned>(month)} / date::day{static_cast<unsigned>(day)};
}

std::optional<std::vector<closure>> german_public_holidays(std::string_view state, date::year y) {
  if (std::find(states.begin(), states.end(), state) == states.end()) return std::nullopt;
  const auto easter = easter_sunday(y);
  std::vector<closure> out;
  for (const auto& h : holidays) {
    if (!kept_in(h, state)) continue;
    const auto on = h.on(y, easter);
    out.push_back({on, on, h.name});
  }
  std::sort(out.begin(), out.end(),
            [](const closure& a, const closure& b) { return a.first < b.first; });
  return out;
}

}  // namespace hubgate::domain
