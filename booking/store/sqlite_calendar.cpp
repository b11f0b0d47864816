#include "booking/store/sqlite_calendar.hpp"

#include <fmt/format.h>

#include "booking/store/booking_rows.hpp"
#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"
#include "booking/store/store_ids.hpp"

namespace hubgate::store {
namespace {

outcome<domain::calendar_feed_record> read_feed(const statement& st) {
  return domain::calendar_feed_record{st.text(0), from_unix(st.integer(1))};
}

// The booking columns with the bookings. prefix, for queries that join.
std::string qualified_booking_columns() {
  std::string out;
  std::string_view cols = booking_columns;
  std::size_t pos = 0;
  while (pos < cols.size()) {
    auto comma = cols.find(',', pos);
    if (comma == std::string_view::npos) comma = cols.size();
    auto name = cols.substr(pos, comma - pos);
    while (!name.empty() && name.front() == ' ') name.remove_prefix(1);
    if (!out.empty()) out += ", ";
    out += "b.";
    out += name;
    pos = comma + 1;
  }
  return out;
}

}  // namespace

outcome<domain::calendar_feed_record> sqlite_calendar_feeds::put_feed(std::string_view user_id,
                                                                      std::string_view token,
                                                                      domain::sys_seconds now) {
  std::string id(user_id);
  auto digest = sha256_hex(token);
  return write<domain::calendar_feed_record>(
      [id, digest, now](connection& c) -> outcome<domain::calendar_feed_record> {
        auto st = c.prepare(
            "INSERT INTO calendar_feeds(user_id, token_hash, created_at) VALUES(?1, ?2, ?3)"
            " ON CONFLICT(user_id) DO UPDATE SET token_hash = excluded.token_hash,"
            " created_at = excluded.created_at");
        if (!st) return st.error();
        st->bind(1, id).bind(2, digest).bind(3, to_unix(now));
        if (auto r = st->run(); !r) return r.error();
        return domain::calendar_feed_record{id, now};
      });
}

outcome<void> sqlite_calendar_feeds::delete_feed(std::string_view user_id) {
  std::string id(user_id);
  return write<void>([id](connection& c) -> outcome<void> {
    auto st = c.prepare("DELETE FROM calendar_feeds WHERE user_id = ?1");
    if (!st) return st.error();
    st->bind(1, id);
    if (auto r = st->run(); !r) return r.error();
    if (c.changes() == 0) return domain::failure(domain::errc::not_found, "no calendar feed");
    return {};
  });
}

outcome<std::optional<domain::calendar_feed_record>> sqlite_calendar_feeds::feed_of(
    std::string_view user_id) {
  return read<std::optional<domain::calendar_feed_record>>(
      [user_id](connection& c) -> outcome<std::optional<domain::calendar_feed_record>> {
        auto st = c.prepare("SELECT user_id, created_at FROM calendar_feeds WHERE user_id = ?1");
        if (!st) return st.error();
        st->bind(1, user_id);
        auto r = first<domain::calendar_feed_record>(*st, read_feed);
        if (!r && r.error().is(domain::errc::not_found)) return std::nullopt;
        if (!r) return r.error();
        return std::optional(std::move(*r));
      });
}

outcome<domain::calendar_feed_record> sqlite_calendar_feeds::find_feed(std::string_view token) {
  auto digest = sha256_hex(token);
  return read<domain::calendar_feed_record>(
      [&digest](connection& c) -> outcome<domain::calendar_feed_record> {
        auto st = c.prepare("SELECT user_id, created_at FROM calendar_feeds WHERE token_hash = ?1");
        if (!st) return st.error();
        st->bind(1, digest);
        return first<domain::calendar_feed_record>(*st, read_feed);
      });
}

outcome<std::vector<domain::booking_revision>> sqlite_calendar_feeds::feed_bookings(
    std::string_view user_id, domain::sys_seconds from, std::size_t limit) {
  return read<std::vector<domain::booking_revision>>(
      [user_id, from, limit](connection& c) -> outcome<std::vector<domain::booking_revision>> {
        static const std::string sql = fmt::format(
            "SELECT {}, b.revision, b.updated_at FROM bookings b"
            " WHERE b.user_id = ?1 AND b.end_at > ?2 ORDER BY b.start_at, b.id LIMIT ?3",
            qualified_booking_columns());
        auto st = c.prepare(sql);
        if (!st) return st.error();
        st->bind(1, user_id).bind(2, to_unix(from)).bind(3, static_cast<std::int64_t>(limit));
        return collect<domain::booking_revision>(
            *st, [](const statement& s) -> outcome<domain::booking_revision> {
              auto b = read_booking(s);
              if (!b) return b.error();
              domain::booking_revision r;
              r.revision = static_cast<int>(s.integer(11));
              r.updated_at = s.is_null(12) ? b->created_at : from_unix(s.integer(12));
              r.record = std::move(*b);
              return r;
            });
      });
}

outcome<std::vector<domain::booking>> sqlite_reports::site_bookings(std::string_view site_id,
                                                                    domain::time_range range) {
  return read<std::vector<domain::booking>>(
      [site_id, range](connection& c) -> outcome<std::vector<domain::booking>> {
        static const std::string sql = fmt::format(
            "SELECT {} FROM bookings b JOIN spaces s ON s.id = b.space_id"
            " WHERE s.site_id = ?1 AND b.end_at > ?2 AND b.start_at < ?3"
            " ORDER BY b.start_at, b.id",
            qualified_booking_columns());
        auto st = c.prepare(sql);
        if (!st) return st.error();
        st->bind(1, site_id).bind(2, to_unix(range.from)).bind(3, to_unix(range.to));
        return collect<domain::booking>(*st, read_booking);
      });
}

}  // namespace hubgate::store
