// A small hub for the derivation tests: one Berlin site, a desk, a lab and two rooms, an
// entrance and room doors on two boards, a member, a staff member with standing access, an admin.
#pragma once
#include <date/tz.h>
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "booking/access/access_derivation.hpp"
#include "protocol/access_list.hpp"

namespace hubgate::access::test {

using namespace std::chrono;

inline sys_seconds utc(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
  return sys_seconds{date::sys_days{date::year{y} / m / d}} + hours{h} + minutes{mi};
}

inline const date::time_zone* berlin() {
  return date::locate_zone("Europe/Berlin");
}

// A Berlin wall time that exists and is unambiguous.
inline sys_seconds berlin_time(int y, unsigned m, unsigned d, int h = 0, int mi = 0) {
  auto local = date::local_days{date::year{y} / m / d} + hours{h} + minutes{mi};
  return sys_seconds{berlin()->to_sys(local)};
}

inline protocol::window win(sys_seconds from, sys_seconds to) {
  return {from.time_since_epoch().count(), to.time_since_epoch().count()};
}

// Card ids of the sample hub.
inline constexpr std::string_view member_card = "04A1B2C3";
inline constexpr std::string_view staff_card = "04D4E5F6";
inline constexpr std::string_view admin_card = "0411223344556677";

hub_state sample_hub();

// The pseudonym the boards of site "s1" know `card_hex` by.
protocol::pseudonym card(const hub_state& state, std::string_view card_hex);

domain::booking make_booking(std::string id, std::string space, std::string user, sys_seconds start,
                             sys_seconds end,
                             domain::booking_status status = domain::booking_status::confirmed);

// derive_access_lists, failing the test on an error.
access_lists derive_ok(const hub_state& state, sys_seconds now, const derivation_options& opt = {});

const protocol::access_entry* find_entry(const access_lists& lists, std::string_view controller,
                                         const protocol::pseudonym& card, std::string_view door,
                                         protocol::grant_source source);

// Every entry of `card`, across all boards.
std::vector<protocol::access_entry> entries_of(const access_lists& lists,
                                               const protocol::pseudonym& card);

}  // namespace hubgate::access::test
