#include "booking/demo/demo_hub.hpp"

#include <fmt/format.h>

#include <map>

namespace hubgate::demo {
namespace {

using namespace std::chrono_literals;
using domain::booking_mode;
using domain::space_kind;

domain::weekly_hours hub_hours() {
  domain::weekly_hours h;
  for (int d = 0; d < 5; ++d) h.days[d] = {{7h, 22h}};
  h.days[5] = {{9h, 18h}};
  return h;
}

domain::weekly_hours office_hours() {  // Mon-Fri 07:00-19:00: administration's door access
  domain::weekly_hours h;
  for (int d = 0; d < 5; ++d) h.days[d] = {{7h, 19h}};
  return h;
}

domain::space make_space(const std::string& site, std::string name, space_kind kind, int capacity,
                         booking_mode mode, domain::floor_position pos,
                         std::vector<std::string> features = {}) {
  domain::space s;
  s.site_id = site;
  s.name = std::move(name);
  s.kind = kind;
  s.capacity = capacity;
  s.mode = mode;
  s.position = pos;
  s.features = std::move(features);
  return s;
}

// The spaces of the hub (DESIGN §7), not yet stored.
std::vector<domain::space> hub_spaces(const std::string& sid) {
  std::vector<domain::space> spaces;
  // The shared office: 24 desks on a 6 x 4 grid, then the flex pool beside them.
  for (int i = 0; i < 24; ++i) {
    const double column = i % 6;
    const double row = i / 6;  // NOLINT(bugprone-integer-division): the grid row
    auto desk = make_space(sid, fmt::format("Desk {:02}", i + 1), space_kind::desk, 1,
                           booking_mode::exclusive,
                           {1, 1.0 + column * 2.0, 1.0 + row * 2.0, 1.6, 1.2}, {"screen"});
    desk.check_in_required = true;
    spaces.push_back(std::move(desk));
  }
  auto flex =
      make_space(sid, "Flex pool", space_kind::desk, 10, booking_mode::shared, {1, 14, 1, 6, 7});
  flex.check_in_required = true;
  spaces.push_back(std::move(flex));
  spaces.push_back(make_space(sid, "Innovation Lab", space_kind::lab, 12, booking_mode::exclusive,
                              {0, 1, 1, 10, 8}, {"3d_printer", "soldering", "projector"}));
  auto event = make_space(sid, "Event area", space_kind::event, 120, booking_mode::exclusive,
                          {0, 12, 1, 20, 14}, {"stage", "projector", "sound"});
  event.needs_approval = true;
  spaces.push_back(std::move(event));
  spaces.push_back(make_space(sid, "Training room 1", space_kind::training, 20,
                              booking_mode::exclusive, {2, 1, 1, 8, 6}, {"projector"}));
  spaces.push_back(make_space(sid, "Training room 2", space_kind::training, 20,
                              booking_mode::exclusive, {2, 10, 1, 8, 6}, {"projector"}));
  spaces.push_back(make_space(sid, "Showroom", space_kind::showroom, 40, booking_mode::exclusive,
                              {0, 1, 10, 10, 8}, {"screen"}));
  spaces.push_back(make_space(sid, "Meeting room Rhein", space_kind::room, 6,
                              booking_mode::exclusive, {1, 22, 1, 4, 3}, {"screen"}));
  spaces.push_back(make_space(sid, "Meeting room Elbe", space_kind::room, 8,
                              booking_mode::exclusive, {1, 22, 5, 4, 4}, {"screen", "projector"}));
  return spaces;
}

struct door_spec {
  std::string name;
  std::vector<std::string> spaces;
  bool entrance;
};

const std::vector<door_spec>& hub_doors() {
  static const std::vector<door_spec> doors = {
      {"Main entrance", {}, true},
      {"Lab door", {"Innovation Lab"}, false},
      {"Event area door", {"Event area"}, false},
      {"Training room 1 door", {"Training room 1"}, false},
      {"Training room 2 door", {"Training room 2"}, false},
  };
  return doors;
}

struct group_spec {
  std::string name;
  std::vector<space_kind> kinds;
  std::optional<double> quota;
  std::vector<std::string> grant_doors;
};

const std::vector<group_spec>& hub_groups() {
  static const std::vector<group_spec> groups = {
      {"students", {space_kind::desk, space_kind::room, space_kind::training}, 20.0, {}},
      {"researchers",
       {space_kind::desk, space_kind::room, space_kind::lab, space_kind::training},
       40.0,
       {}},
      {"companies", {}, std::nullopt, {}},
      {"administration",
       {},
       std::nullopt,
       {"Main entrance", "Lab door", "Training room 1 door", "Training room 2 door"}},
      {"public", {space_kind::desk, space_kind::event, space_kind::showroom}, 8.0, {}},
  };
  return groups;
}

const std::vector<demo_member>& hub_members() {
  static const std::vector<demo_member> members = {
      {"", "anna.schmidt@hub.example", "Anna Schmidt", "students", "04A1B2C3D4E501"},
      {"", "jonas.becker@hub.example", "Jonas Becker", "researchers", "04A1B2C3D4E502"},
      {"", "lena.fischer@hub.example", "Lena Fischer", "companies", "04A1B2C3D4E503"},
      {"", "matthias.wagner@hub.example", "Matthias Wagner", "administration", "04A1B2C3D4E504"},
      {"", "sophie.hoffmann@hub.example", "Sophie Hoffmann", "public", "04A1B2C3D4E505"},
  };
  return members;
}

// Stores the hub through the application services, remembering the ids it was given.
class seeder {
 public:
  seeder(domain::catalog_service& catalog, domain::user_service& users, const domain::actor& admin,
         std::chrono::sys_seconds now)
      : catalog_(catalog), users_(users), admin_(admin), now_(now) {}

  domain::outcome<void> site() {
    domain::site site;
    site.name = "Digital Innovation Hub";
    site.time_zone = "Europe/Berlin";
    site.opening_hours = hub_hours();
    auto stored = catalog_.create_site(admin_, site);
    if (!stored) return stored.error();
    out.site_id = stored->id;
    return {};
  }

  domain::outcome<void> spaces() {
    for (auto& s : hub_spaces(out.site_id)) {
      auto stored = catalog_.create_space(admin_, s);
      if (!stored) return stored.error();
      space_ids_[stored->name] = stored->id;
      ++out.spaces;
    }
    return {};
  }

  domain::outcome<void> doors() {
    for (const auto& spec : hub_doors()) {
      domain::door d;
      d.site_id = out.site_id;
      d.name = spec.name;
      d.is_entrance = spec.entrance;
      for (const auto& s : spec.spaces) d.space_ids.push_back(space_ids_[s]);
      auto stored = catalog_.create_door(admin_, d);
      if (!stored) return stored.error();
      door_ids_[spec.name] = stored->id;
      ++out.doors;
    }
    return {};
  }

  domain::outcome<void> groups() {
    for (const auto& spec : hub_groups()) {
      domain::group g;
      g.name = spec.name;
      g.policy.bookable_kinds = spec.kinds;
      g.policy.weekly_quota_hours = spec.quota;
      for (const auto& d : spec.grant_doors) g.grants.push_back({door_ids_[d], office_hours()});
      auto stored = catalog_.create_group(admin_, g);
      if (!stored) return stored.error();
      group_ids_[spec.name] = stored->id;
    }
    return {};
  }

  domain::outcome<void> members(std::string_view member_password, password_hasher hash) {
    for (auto m : hub_members()) {
      domain::user u;
      u.email = m.email;
      u.display_name = m.display_name;
      u.group_ids = {group_ids_[m.group]};
      u.language = "de";
      auto stored = users_.create_user(admin_, u, hash(member_password), now_);
      if (!stored) return stored.error();
      m.id = stored->id;
      if (auto c = card(m.id, m.card_id); !c) return c.error();
      out.members.push_back(std::move(m));
    }
    return {};
  }

  // The hub administrator (created before the demo, with its own password) gets a demo card
  // too: admins may open every door at any time, so a first tap works whatever the hour.
  domain::outcome<void> admin_card() {
    auto everyone = users_.list_users(admin_);
    if (!everyone) return everyone.error();
    for (const auto& u : *everyone) {
      if (u.role != domain::role::admin) continue;
      if (auto c = card(u.id, std::string(admin_demo_card)); !c) return c.error();
      out.admin_card = demo_member{u.id, u.email, u.display_name, "", std::string(admin_demo_card)};
      break;
    }
    return {};
  }

  demo_summary out;

 private:
  domain::outcome<void> card(const std::string& user_id, const std::string& card_id) {
    domain::credential card;
    card.user_id = user_id;
    card.card_id = card_id;
    card.label = "Demo card";
    if (auto c = users_.enrol_credential(admin_, card, now_); !c) return c.error();
    return {};
  }

  domain::catalog_service& catalog_;
  domain::user_service& users_;
  const domain::actor& admin_;
  std::chrono::sys_seconds now_;
  std::map<std::string, std::string> space_ids_, door_ids_, group_ids_;
};

}  // namespace

domain::outcome<demo_summary> seed_demo_hub(domain::catalog_service& catalog,
                                            domain::user_service& users, const domain::actor& admin,
                                            std::string_view member_password, password_hasher hash,
                                            std::chrono::sys_seconds now) {
  seeder seed(catalog, users, admin, now);
  if (auto r = seed.site(); !r) return r.error();
  if (auto r = seed.spaces(); !r) return r.error();
  if (auto r = seed.doors(); !r) return r.error();
  if (auto r = seed.groups(); !r) return r.error();
  if (auto r = seed.members(member_password, hash); !r) return r.error();
  if (auto r = seed.admin_card(); !r) return r.error();
  return std::move(seed.out);
}

}  // namespace hubgate::demo
