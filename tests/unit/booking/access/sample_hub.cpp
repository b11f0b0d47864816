#include "sample_hub.hpp"

#include "protocol/hex.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::access::test {

hub_state sample_hub() {
  hub_state s;
  s.sites.push_back({.id = "s1", .name = "Digital Innovation Hub", .time_zone = "Europe/Berlin"});

  domain::space desk{.id = "desk-1", .site_id = "s1", .name = "Desk 1"};
  desk.kind = domain::space_kind::desk;
  domain::space lab{.id = "lab", .site_id = "s1", .name = "Innovation Lab"};
  lab.kind = domain::space_kind::lab;
  domain::space room1{.id = "room-1", .site_id = "s1", .name = "Training 1"};
  domain::space room2{.id = "room-2", .site_id = "s1", .name = "Meeting 2"};
  s.spaces = {desk, lab, room1, room2};

  s.doors.push_back({.id = "entrance",
                     .site_id = "s1",
                     .name = "Main entrance",
                     .controller_id = "ctrl-front",
                     .is_entrance = true});
  s.doors.push_back({.id = "lab-door",
                     .site_id = "s1",
                     .name = "Lab",
                     .space_ids = {"lab"},
                     .controller_id = "ctrl-lab"});
  s.doors.push_back({.id = "room1-door",
                     .site_id = "s1",
                     .name = "Training 1",
                     .space_ids = {"room-1"},
                     .controller_id = "ctrl-lab"});
  // Not wired to any board yet.
  s.doors.push_back(
      {.id = "room2-door", .site_id = "s1", .name = "Meeting 2", .space_ids = {"room-2"}});

  domain::weekly_hours office_hours;
  for (int d = 0; d < 5; ++d) office_hours.days[d].push_back({hours{7}, hours{19}});
  domain::group administration{.id = "administration", .name = "Administration"};
  administration.grants = {
      {"entrance", office_hours}, {"lab-door", office_hours}, {"room2-door", office_hours}};
  s.groups = {administration, {.id = "students", .name = "Students"}};

  s.users.push_back({.id = "u-member",
                     .email = "mia@example.org",
                     .display_name = "Mia Member",
                     .group_ids = {"students"}});
  s.users.push_back({.id = "u-staff",
                     .email = "sam@example.org",
                     .display_name = "Sam Staff",
                     .group_ids = {"administration"}});
  s.users.push_back({.id = "u-admin",
                     .email = "ada@example.org",
                     .display_name = "Ada Admin",
                     .role = domain::role::admin});

  s.credentials.push_back(
      {.id = "c-member", .user_id = "u-member", .card_id = std::string(member_card)});
  s.credentials.push_back(
      {.id = "c-staff", .user_id = "u-staff", .card_id = std::string(staff_card)});
  s.credentials.push_back(
      {.id = "c-admin", .user_id = "u-admin", .card_id = std::string(admin_card)});

  std::vector<std::uint8_t> key(32);
  for (std::size_t i = 0; i < key.size(); ++i) key[i] = static_cast<std::uint8_t>(i * 7 + 1);
  s.list_keys["s1"] = key;
  return s;
}

protocol::pseudonym card(const hub_state& state, std::string_view card_hex) {
  std::vector<std::uint8_t> bytes(card_hex.size() / 2);
  EXPECT_TRUE(protocol::from_hex(card_hex, bytes));
  return protocol::make_pseudonym(state.list_keys.at("s1"), bytes);
}

domain::booking make_booking(std::string id, std::string space, std::string user, sys_seconds start,
                             sys_seconds end, domain::booking_status status) {
  domain::booking b;
  b.id = std::move(id);
  b.space_id = std::move(space);
  b.user_id = std::move(user);
  b.start = start;
  b.end = end;
  b.status = status;
  return b;
}

access_lists derive_ok(const hub_state& state, sys_seconds now, const derivation_options& opt) {
  auto r = derive_access_lists(state, opt, now);
  if (!r) {
    ADD_FAILURE() << "derivation failed: " << r.error().message();
    return {};
  }
  return *r;
}

const protocol::access_entry* find_entry(const access_lists& lists, std::string_view controller,
                                         const protocol::pseudonym& card, std::string_view door,
                                         protocol::grant_source source) {
  auto it = lists.find(controller);
  if (it == lists.end()) return nullptr;
  for (const auto& e : it->second.entries)
    if (e.card == card && e.door_id == door && e.source == source) return &e;
  return nullptr;
}

std::vector<protocol::access_entry> entries_of(const access_lists& lists,
                                               const protocol::pseudonym& card) {
  std::vector<protocol::access_entry> out;
  for (const auto& [id, list] : lists)
    for (const auto& e : list.entries)
      if (e.card == card) out.push_back(e);
  return out;
}

}  // namespace hubgate::access::test
