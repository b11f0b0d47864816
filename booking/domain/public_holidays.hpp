// Germany's public holidays as closures a site can load in one step: the nationwide ones and
// those of the site's state (Land, its ISO 3166-2 code without "DE-": "BY", "NW", ...), by
// today's rules. Movable feasts follow Easter Sunday (the Gregorian computus). Holidays kept
// only in some communities (Assumption in Bavaria, Peace Festival in Augsburg) are left out.
#pragma once
#include <date/date.h>

#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "booking/domain/opening_hours.hpp"

namespace hubgate::domain {

// The sixteen state codes, in alphabetical order.
std::span<const std::string_view> german_states() noexcept;

date::year_month_day easter_sunday(date::year y) noexcept;

// One closure per holiday, sorted by date, its German name as the reason; nullopt for a code
// that is no German state.
std::optional<std::vector<closure>> german_public_holidays(std::string_view state, date::year y);

}  // namespace hubgate::domain
