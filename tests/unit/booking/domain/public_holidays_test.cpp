// German public holidays by state: Easter by the computus, movable feasts from it, and each
// state's own days.
#include "booking/domain/public_holidays.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

namespace hubgate::domain {
namespace {

using namespace date::literals;

bool has(const std::vector<closure>& days, date::year_month_day on, std::string_view name) {
  return std::any_of(days.begin(), days.end(), [&](const closure& c) {
    return c.first == on && c.last == on && c.reason == name;
  });
}

TEST(public_holidays, easter_sunday_matches_the_calendar) {
  EXPECT_EQ(easter_sunday(2019_y), 2019_y / date::April / 21);
  EXPECT_EQ(easter_sunday(2024_y), 2024_y / date::March / 31);
  EXPECT_EQ(easter_sunday(2025_y), 2025_y / date::April / 20);
  EXPECT_EQ(easter_sunday(2027_y), 2027_y / date::March / 28);
  EXPECT_EQ(easter_sunday(2038_y), 2038_y / date::April / 25);  // as late as it gets this century
}

TEST(public_holidays, every_state_keeps_the_nine_nationwide_days_and_its_own) {
  const std::map<std::string_view, std::size_t> count{
      {"BB", 10}, {"BE", 10}, {"BW", 12}, {"BY", 12}, {"HB", 10}, {"HE", 10},
      {"HH", 10}, {"MV", 11}, {"NI", 10}, {"NW", 11}, {"RP", 11}, {"SH", 10},
      {"SL", 12}, {"SN", 11}, {"ST", 11}, {"TH", 11}};
  ASSERT_EQ(german_states().size(), 16u);
  for (auto state : german_states()) {
    auto days = german_public_holidays(state, 2027_y);
    ASSERT_TRUE(days) << state;
    EXPECT_EQ(days->size(), count.at(state)) << state;
    EXPECT_TRUE(std::is_sorted(days->begin(), days->end(), [](const closure& a, const closure& b) {
      return a.first < b.first;
    }));
    EXPECT_TRUE(has(*days, 2027_y / date::March / 26, "Karfreitag")) << state;
    EXPECT_TRUE(has(*days, 2027_y / date::May / 6, "Christi Himmelfahrt")) << state;
    EXPECT_TRUE(has(*days, 2027_y / date::May / 17, "Pfingstmontag")) << state;
    EXPECT_TRUE(has(*days, 2027_y / date::October / 3, "Tag der Deutschen Einheit")) << state;
  }
}

TEST(public_holidays, the_states_own_days_fall_where_they_should) {
  const auto by = *german_public_holidays("BY", 2027_y);
  EXPECT_TRUE(has(by, 2027_y / date::May / 27, "Fronleichnam"));
  EXPECT_TRUE(has(by, 2027_y / date::January / 6, "Heilige Drei Könige"));
  EXPECT_FALSE(has(by, 2027_y / date::October / 31, "Reformationstag"));
  EXPECT_TRUE(has(*german_public_holidays("BE", 2027_y), 2027_y / date::March / 8,
                  "Internationaler Frauentag"));
  EXPECT_TRUE(
      has(*german_public_holidays("TH", 2027_y), 2027_y / date::September / 20, "Weltkindertag"));
  // The Wednesday before 23 November, in years where the 22nd is and is not one.
  EXPECT_TRUE(
      has(*german_public_holidays("SN", 2026_y), 2026_y / date::November / 18, "Buß- und Bettag"));
  EXPECT_TRUE(
      has(*german_public_holidays("SN", 2028_y), 2028_y / date::November / 22, "Buß- und Bettag"));
  EXPECT_FALSE(
      has(*german_public_holidays("NW", 2026_y), 2026_y / date::November / 18, "Buß- und Bettag"));
}

TEST(public_holidays, an_unknown_state_is_refused) {
  EXPECT_FALSE(german_public_holidays("XX", 2027_y));
  EXPECT_FALSE(german_public_holidays("by", 2027_y));
  EXPECT_FALSE(german_public_holidays("", 2027_y));
}

}  // namespace
}  // namespace hubgate::domain
