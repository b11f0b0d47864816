#include "booking/store/catalog_rows.hpp"

#include <string>

#include "booking/store/record_codec.hpp"

namespace hubgate::store {

using namespace std::chrono;

outcome<domain::site> read_site(const statement& st) {
  domain::site s;
  s.id = st.text(0);
  s.name = st.text(1);
  s.time_zone = st.text(2);
  if (!decode(st.text(3), s.opening_hours) || !decode(st.text(4), s.closures))
    return bad_record("site " + s.id);
  return s;
}

outcome<domain::space> read_space(const statement& st) {
  domain::space s;
  s.id = st.text(0);
  s.site_id = st.text(1);
  s.name = st.text(2);
  auto kind = domain::parse_space_kind(st.text(3));
  auto mode = domain::parse_booking_mode(st.text(5));
  if (!kind || !mode) return bad_record("space " + s.id);
  s.kind = *kind;
  s.capacity = static_cast<int>(st.integer(4));
  s.mode = *mode;
  bool ok = decode(st.text(6), s.position) && decode(st.text(7), s.features) &&
            decode(st.text(9), s.closures) && decode(st.text(10), s.rules) &&
            decode(st.text(11), s.allowed_group_ids);
  if (auto hours = st.optional_text(8)) {
    domain::weekly_hours h;
    ok = ok && decode(*hours, h);
    s.opening_hours = std::move(h);
  }
  if (!ok) return bad_record("space " + s.id);
  s.needs_approval = st.integer(12) != 0;
  s.release_window = seconds{st.integer(13)};
  s.check_in_required = st.integer(14) != 0;
  s.active = st.integer(15) != 0;
  return s;
}

outcome<domain::group> read_group(const statement& st) {
  domain::group g;
  g.id = st.text(0);
  g.name = st.text(1);
  if (!decode(st.text(2), g.policy) || !decode(st.text(3), g.grants))
    return bad_record("group " + g.id);
  return g;
}

outcome<domain::door> read_door(const statement& st) {
  domain::door d;
  d.id = st.text(0);
  d.site_id = st.text(1);
  d.name = st.text(2);
  auto mode = domain::parse_fail_mode(st.text(7));
  if (!decode(st.text(3), d.space_ids) || !mode) return bad_record("door " + d.id);
  d.controller_id = st.optional_text(4);
  d.unlock_time = milliseconds{st.integer(5)};
  d.held_open_alarm = milliseconds{st.integer(6)};
  d.fail_mode = *mode;
  d.is_entrance = st.integer(8) != 0;
  return d;
}

void bind_site(statement& st, const domain::site& s) {
  st.bind(1, s.id).bind(2, s.name).bind(3, s.time_zone).bind(4, encode(s.opening_hours));
  st.bind(5, encode(s.closures));
}

void bind_space(statement& st, const domain::space& s) {
  st.bind(1, s.id).bind(2, s.site_id).bind(3, s.name).bind(4, domain::to_string(s.kind));
  st.bind(5, s.capacity).bind(6, domain::to_string(s.mode)).bind(7, encode(s.position));
  st.bind(8, encode(s.features));
  if (s.opening_hours)
    st.bind(9, encode(*s.opening_hours));
  else
    st.bind_null(9);
  st.bind(10, encode(s.closures)).bind(11, encode(s.rules)).bind(12, encode(s.allowed_group_ids));
  st.bind(13, s.needs_approval).bind(14, static_cast<std::int64_t>(s.release_window.count()));
  st.bind(15, s.check_in_required).bind(16, s.active);
}

void bind_group(statement& st, const domain::group& g) {
  st.bind(1, g.id).bind(2, g.name).bind(3, encode(g.policy)).bind(4, encode(g.grants));
}

void bind_door(statement& st, const domain::door& d) {
  st.bind(1, d.id).bind(2, d.site_id).bind(3, d.name).bind(4, encode(d.space_ids));
  st.bind(5, d.controller_id).bind(6, static_cast<std::int64_t>(d.unlock_time.count()));
  st.bind(7, static_cast<std::int64_t>(d.held_open_alarm.count()));
  st.bind(8, domain::to_string(d.fail_mode)).bind(9, d.is_entrance);
}

outcome<domain::space> load_space_for_admission(connection& c, std::string_view id) {
  auto st = c.prepare("SELECT capacity, mode, rules, active FROM spaces WHERE id = ?1");
  if (!st) return st.error();
  st->bind(1, id);
  auto row = st->step();
  if (!row) return row.error();
  if (!*row) return domain::failure(domain::errc::not_found);
  domain::space s;
  s.id = id;
  s.capacity = static_cast<int>(st->integer(0));
  auto mode = domain::parse_booking_mode(st->text(1));
  if (!mode || !decode(st->text(2), s.rules)) return bad_record("space " + s.id);
  s.mode = *mode;
  s.active = st->integer(3) != 0;
  return s;
}

}  // namespace hubgate::store
