// Derivation cost: the demo hub, and a large hub of 500 spaces, 2,000 users and 200,000
// bookings (spread a year, or two months, either side of now), recomputed whole and diffed.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "booking/access/access_derivation.hpp"
#include "booking/access/list_diff.hpp"

namespace {

using namespace std::chrono;
using namespace hubgate;

struct hub_shape {
  int desks, rooms, room_doors, controllers, users, admins, staff, bookings;
  int spread_days;  // bookings start within +-spread_days of now
};

access::hub_state make_hub(const hub_shape& shape, sys_seconds now, std::mt19937& rng) {
  access::hub_state s;
  s.sites.push_back({.id = "site", .name = "Hub", .time_zone = "Europe/Berlin"});
  s.list_keys["site"] = std::vector<std::uint8_t>(32, 0x42);
  for (int i = 0; i < shape.desks; ++i) {
    domain::space sp{.id = fmt::format("desk-{}", i), .site_id = "site", .name = "desk"};
    sp.kind = domain::space_kind::desk;
    s.spaces.push_back(sp);
  }
  for (int i = 0; i < shape.rooms; ++i)
    s.spaces.push_back({.id = fmt::format("room-{}", i), .site_id = "site", .name = "room"});
  s.doors.push_back({.id = "entrance",
                     .site_id = "site",
                     .name = "entrance",
                     .controller_id = "ctrl-0",
                     .is_entrance = true});
  for (int i = 0; i < shape.room_doors; ++i)
    s.doors.push_back({.id = fmt::format("door-{}", i),
                       .site_id = "site",
                       .name = "door",
                       .space_ids = {fmt::format("room-{}", i)},
                       .controller_id = fmt::format("ctrl-{}", i % shape.controllers)});

  domain::weekly_hours office;
  for (int d = 0; d < 5; ++d) office.days[d].push_back({hours{7}, hours{19}});
  domain::group staff{.id = "administration", .name = "administration"};
  for (int i = 0; i < std::min(shape.room_doors, 3); ++i)
    staff.grants.push_back({fmt::format("door-{}", i), office});
  staff.grants.push_back({"entrance", office});
  s.groups = {staff, {.id = "students", .name = "students"}};

  for (int i = 0; i < shape.users; ++i) {
    domain::user u{.id = fmt::format("user-{}", i), .email = "x", .display_name = "x"};
    if (i < shape.admins) u.role = domain::role::admin;
    u.group_ids = {i < shape.admins + shape.staff ? "administration" : "students"};
    s.users.push_back(u);
    s.credentials.push_back(
        {.id = fmt::format("cred-{}", i), .user_id = u.id, .card_id = fmt::format("04{:012X}", i)});
    if (i % 10 == 0)  // every tenth user also lost an old card
      s.credentials.push_back({.id = fmt::format("old-{}", i),
                               .user_id = u.id,
                               .card_id = fmt::format("08{:012X}", i),
                               .status = domain::credential_status::lost});
  }

  std::uniform_int_distribution<int> space(0, shape.desks + shape.rooms - 1);
  std::uniform_int_distribution<int> user(0, shape.users - 1);
  std::uniform_int_distribution<int> hour(-shape.spread_days * 24, shape.spread_days * 24);
  std::uniform_int_distribution<int> length(1, 8);
  std::uniform_int_distribution<int> status(0, 9);
  for (int i = 0; i < shape.bookings; ++i) {
    domain::booking b;
    b.id = fmt::format("b-{}", i);
    b.space_id = s.spaces[space(rng)].id;
    b.user_id = fmt::format("user-{}", user(rng));
    b.start = now + hours{hour(rng)};
    b.end = b.start + hours{length(rng)};
    int st = status(rng);
    b.status = st < 7   ? domain::booking_status::confirmed
               : st < 8 ? domain::booking_status::checked_in
                        : domain::booking_status::cancelled;
    s.bookings.push_back(std::move(b));
  }
  return s;
}

template <class F>
double median_ms(int runs, F&& f) {
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    auto t0 = steady_clock::now();
    f();
    ms.push_back(duration<double, std::milli>(steady_clock::now() - t0).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

void run(const char* name, const hub_shape& shape, int runs) {
  std::mt19937 rng(1);
  const auto now = sys_seconds{date::sys_days{date::year{2027} / 6 / 7}} + hours{8};
  auto state = make_hub(shape, now, rng);
  const access::derivation_options opt;
  const auto h_end = now + opt.horizon;
  auto in_horizon = std::count_if(state.bookings.begin(), state.bookings.end(), [&](const auto& b) {
    return b.end + opt.late_grace > now && b.start - opt.early_grace < h_end;
  });

  access::access_lists lists;
  double derive = median_ms(runs, [&] { lists = *access::derive_access_lists(state, opt, now); });
  std::size_t entries = 0, windows = 0;
  for (const auto& [id, l] : lists) {
    entries += l.entries.size();
    for (const auto& e : l.entries) windows += e.windows.size();
  }

  // A new booking in the horizon: recompute everything, diff every board.
  auto b = state.bookings.front();
  b.id = "new";
  b.space_id = "room-0";
  b.start = now + hours{30};
  b.end = b.start + hours{2};
  b.status = domain::booking_status::confirmed;
  state.bookings.push_back(b);
  access::access_lists after;
  std::vector<std::string> affected;
  double recompute = median_ms(runs, [&] {
    after = *access::derive_access_lists(state, opt, now);
    affected = access::affected_controllers(lists, after);
  });
  double diff = median_ms(runs, [&] { affected = access::affected_controllers(lists, after); });

  // What a store query by time would hand over: only bookings that can reach the horizon.
  auto trimmed = state;
  std::erase_if(trimmed.bookings, [&](const auto& bk) {
    return bk.end + days{2} <= now || bk.start - opt.early_grace >= h_end + hours{1};
  });
  double derive_trimmed =
      median_ms(runs, [&] { lists = *access::derive_access_lists(trimmed, opt, now); });

  fmt::print("{}: {} spaces, {} users, {} bookings ({} within the horizon), {} boards\n", name,
             state.spaces.size(), state.users.size(), state.bookings.size() - 1, in_horizon,
             lists.size());
  fmt::print("  lists: {} entries, {} windows\n", entries, windows);
  fmt::print("  derive all lists: {:.2f} ms (median of {})\n", derive, runs);
  fmt::print("  derive all lists from the {} bookings near the horizon only: {:.2f} ms\n",
             trimmed.bookings.size(), derive_trimmed);
  fmt::print(
      "  change -> derive + diff all boards: {:.2f} ms, of which diff {:.2f} ms; "
      "{} board(s) affected\n",
      recompute, diff, affected.size());
}

}  // namespace

int main() {
  run("demo hub", {25, 9, 4, 2, 12, 1, 2, 60, 14}, 21);
  run("large hub, a year either side", {400, 100, 100, 10, 2000, 10, 100, 200'000, 365}, 7);
  run("large hub, two months either side", {400, 100, 100, 10, 2000, 10, 100, 200'000, 60}, 7);
  return 0;
}
