#include "booking/store/booking_rows.hpp"

#include <string>

#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"

namespace hubgate::store {

outcome<domain::booking> read_booking(const statement& st) {
  domain::booking b;
  b.id = st.text(0);
  b.space_id = st.text(1);
  b.user_id = st.text(2);
  b.start = from_unix(st.integer(3));
  b.end = from_unix(st.integer(4));
  b.seats = static_cast<int>(st.integer(5));
  b.title = st.text(6);
  auto status = domain::parse_booking_status(st.text(7));
  if (!status) return bad_record("booking " + b.id);
  b.status = *status;
  b.created_at = from_unix(st.integer(8));
  if (auto t = st.optional_integer(9)) b.checked_in_at = from_unix(*t);
  b.series_id = st.optional_text(10);
  return b;
}

void bind_booking(statement& st, const domain::booking& b) {
  st.bind(1, b.id).bind(2, b.space_id).bind(3, b.user_id).bind(4, to_unix(b.start));
  st.bind(5, to_unix(b.end)).bind(6, b.seats).bind(7, b.title);
  st.bind(8, domain::to_string(b.status)).bind(9, to_unix(b.created_at));
  if (b.checked_in_at)
    st.bind(10, to_unix(*b.checked_in_at));
  else
    st.bind_null(10);
  st.bind(11, b.series_id);
}

outcome<domain::booking> read_slot(const statement& st) {
  domain::booking b;
  b.id = st.text(0);
  b.space_id = st.text(1);
  b.start = from_unix(st.integer(2));
  b.end = from_unix(st.integer(3));
  b.seats = static_cast<int>(st.integer(4));
  auto status = domain::parse_booking_status(st.text(5));
  if (!status) return bad_record("booking " + b.id);
  b.status = *status;
  return b;
}

outcome<std::vector<domain::booking>> active_bookings_of_space(connection& c,
                                                               std::string_view space_id,
                                                               domain::time_range window) {
  static const std::string sql = std::string("SELECT ") + booking_columns +
                                 " FROM bookings WHERE space_id = ?1 AND start_at < ?3 AND"
                                 " end_at > ?2 AND status IN ('pending','confirmed','checked_in')";
  auto st = c.prepare(sql);
  if (!st) return st.error();
  st->bind(1, space_id).bind(2, to_unix(window.from)).bind(3, to_unix(window.to));
  return collect<domain::booking>(*st, read_booking);
}

outcome<void> append_active_slots(connection& c, std::string_view space_id,
                                  domain::time_range window, std::int64_t longest,
                                  std::vector<domain::booking>& out) {
  // The lower bound on start_at lets the index seek to the window instead of scanning the
  // space's history; status is filtered here because an IN list in SQL would build a
  // temporary table on every execution of this, the hottest statement of the store.
  static const std::string sql = std::string("SELECT ") + slot_columns +
                                 " FROM bookings WHERE space_id = ?1 AND start_at >= ?4 AND"
                                 " start_at < ?3 AND end_at > ?2";
  auto st = c.prepare(sql);
  if (!st) return st.error();
  const std::int64_t from = to_unix(window.from);
  st->bind(1, space_id).bind(2, from).bind(3, to_unix(window.to)).bind(4, from - longest);
  for (;;) {
    auto row = st->step();
    if (!row) return row.error();
    if (!*row) return {};
    auto b = read_slot(*st);
    if (!b) return b.error();
    if (b->active()) out.push_back(std::move(*b));
  }
}

outcome<std::vector<domain::booking>> active_bookings_of_user(connection& c,
                                                              std::string_view user_id,
                                                              domain::time_range window,
                                                              std::int64_t longest) {
  static const std::string sql = std::string("SELECT ") + booking_columns +
                                 " FROM bookings WHERE user_id = ?1 AND start_at >= ?4 AND"
                                 " start_at < ?3 AND end_at > ?2 AND"
                                 " status IN ('pending','confirmed','checked_in')";
  auto st = c.prepare(sql);
  if (!st) return st.error();
  const std::int64_t from = to_unix(window.from);
  st->bind(1, user_id).bind(2, from).bind(3, to_unix(window.to)).bind(4, from - longest);
  return collect<domain::booking>(*st, read_booking);
}

}  // namespace hubgate::store
