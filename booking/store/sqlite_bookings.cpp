#include "booking/store/sqlite_bookings.hpp"

#include <fmt/format.h>

#include <limits>

#include "booking/domain/capacity.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/domain/rules.hpp"
#include "booking/store/booking_rows.hpp"
#include "booking/store/catalog_rows.hpp"
#include "booking/store/record_codec.hpp"
#include "booking/store/sql_helpers.hpp"
#include "booking/store/store_ids.hpp"

namespace hubgate::store {
namespace {

outcome<domain::booking> load_booking(connection& c, std::string_view id) {
  static const std::string sql =
      std::string("SELECT ") + booking_columns + " FROM bookings WHERE id = ?1";
  auto st = c.prepare(sql);
  if (!st) return st.error();
  st->bind(1, id);
  return first<domain::booking>(*st, read_booking);
}

// Compare-and-set of the status, on the writer connection; returns the booking as changed.
outcome<domain::booking> update_status(connection& c, const std::string& key,
                                       domain::booking_status from,
                                       const domain::status_change& change) {
  auto st = c.prepare(
      "UPDATE bookings SET status = ?3, checked_in_at = COALESCE(?4, checked_in_at)"
      " WHERE id = ?1 AND status = ?2");
  if (!st) return st.error();
  st->bind(1, key).bind(2, domain::to_string(from)).bind(3, domain::to_string(change.to));
  if (change.checked_in_at)
    st->bind(4, to_unix(*change.checked_in_at));
  else
    st->bind_null(4);
  if (auto r = st->run(); !r) return r.error();
  auto changed = c.changes();
  auto b = load_booking(c, key);
  if (!b) return b;
  if (changed == 0)
    return domain::failure(domain::errc::invalid_transition,
                           fmt::format("the booking is {} now", domain::to_string(b->status)));
  return b;
}

// The checks of the whole admission decision, run on the writer connection inside its
// transaction. The candidate's own stored row (an edit's) does not count against it.
outcome<void> check_admission(connection& c, const domain::booking& b,
                              const std::optional<domain::quota_check>& quota,
                              std::int64_t longest) {
  auto s = load_space_for_admission(c, b.space_id);
  if (!s) return s.error();
  if (!s->active)
    return domain::failure(domain::errc::space_inactive, "this space cannot be booked now");
  std::vector<domain::booking> neighbours;
  if (auto r = append_active_slots(c, b.space_id, domain::capacity_window(*s, b.interval()),
                                   longest, neighbours);
      !r)
    return r.error();
  if (auto r = domain::check_capacity(*s, neighbours, b); !r) return r.error();
  if (quota) {
    auto zone = domain::find_zone(quota->time_zone);
    if (!zone) return zone.error();
    auto window = domain::quota_window(*zone, b.interval());
    auto mine = active_bookings_of_user(c, b.user_id, window, longest);
    if (!mine) return mine.error();
    if (auto r = domain::check_quota(*zone, quota->per_week, *mine, b); !r) return r.error();
  }
  return {};
}

outcome<domain::booking> admit(connection& c, domain::booking b,
                               const std::optional<domain::quota_check>& quota,
                               std::int64_t longest) {
  if (auto r = check_admission(c, b, quota, longest); !r) return r.error();
  if (b.id.empty()) b.id = new_id("bk");
  static const std::string sql = insert_sql("bookings", booking_columns, false);
  auto st = c.prepare(sql);
  if (!st) return st.error();
  bind_booking(*st, b);
  if (auto r = st->run(); !r) return r.error();
  return b;
}

// Writes an edited booking over its row; the caller has checked it.
outcome<domain::booking> overwrite(connection& c, const domain::booking& b) {
  auto st = c.prepare(
      "UPDATE bookings SET space_id = ?2, start_at = ?3, end_at = ?4, seats = ?5, title = ?6,"
      " status = ?7 WHERE id = ?1");
  if (!st) return st.error();
  st->bind(1, b.id).bind(2, b.space_id).bind(3, to_unix(b.start)).bind(4, to_unix(b.end));
  st->bind(5, b.seats).bind(6, b.title).bind(7, domain::to_string(b.status));
  if (auto r = st->run(); !r) return r.error();
  return load_booking(c, b.id);
}

}  // namespace

outcome<void> sqlite_bookings::load_occupancy() {
  return read<void>([this](connection& c) -> outcome<void> {
    static const std::string sql =
        std::string("SELECT ") + slot_columns +
        " FROM bookings WHERE status IN ('pending','confirmed','checked_in')";
    auto st = c.prepare(sql);
    if (!st) return st.error();
    auto slots = collect<domain::booking>(*st, read_slot);
    if (!slots) return slots.error();
    for (const auto& b : *slots) occupancy_.apply(b);
    return {};
  });
}

std::function<outcome<domain::booking>(connection&)> sqlite_bookings::admission(
    domain::booking candidate, std::optional<domain::quota_check> quota) {
  return [this, b = std::move(candidate), quota = std::move(quota)](connection& c) {
    // Raised before the row can become visible to any reader.
    raise_longest(b);
    return admit(c, b, quota, longest_booking(c));
  };
}

void sqlite_bookings::raise_longest(const domain::booking& b) {
  std::int64_t length = to_unix(b.end) - to_unix(b.start);
  std::int64_t seen = longest_.load();
  while (length > seen && !longest_.compare_exchange_weak(seen, length)) {
  }
}

void sqlite_bookings::revise_booking_then(
    std::string_view id,
    std::function<outcome<domain::booking_admission>(const domain::booking&)> revise,
    std::function<void(outcome<domain::booking>)> done) {
  // The booking as the index holds it, for the swap after the commit.
  auto before = std::make_shared<domain::booking>();
  write_then<domain::booking>(
      [this, key = std::string(id), revise = std::move(revise),
       before](connection& c) -> outcome<domain::booking> {
        auto b = load_booking(c, key);
        if (!b) return b;
        auto revision = revise(*b);
        if (!revision) return revision.error();
        // Raised before the row can become visible to any reader, as for an insert.
        raise_longest(revision->candidate);
        if (auto r = check_admission(c, revision->candidate, revision->quota, longest_booking(c));
            !r)
          return r.error();
        *before = std::move(*b);
        return overwrite(c, revision->candidate);
      },
      [this, before](const outcome<domain::booking>& stored) {
        occupancy_.replace(*before, *stored);
      },
      std::move(done));
}

std::function<void(const outcome<domain::booking>&)> sqlite_bookings::index_after_commit() {
  return [this](const outcome<domain::booking>& stored) { occupancy_.apply(*stored); };
}

outcome<domain::booking> sqlite_bookings::insert_booking(
    domain::booking candidate, const std::optional<domain::quota_check>& quota) {
  return write<domain::booking>(admission(std::move(candidate), quota), index_after_commit());
}

void sqlite_bookings::insert_booking_then(domain::booking candidate,
                                          const std::optional<domain::quota_check>& quota,
                                          std::function<void(outcome<domain::booking>)> done) {
  write_then<domain::booking>(admission(std::move(candidate), quota), index_after_commit(),
                              std::move(done));
}

std::int64_t sqlite_bookings::longest_booking(connection& c) {
  std::call_once(longest_loaded_, [&] {
    // Failing here leaves no bound at all rather than a wrong one.
    std::int64_t found = std::numeric_limits<std::int64_t>::max() / 4;
    if (auto st = c.prepare("SELECT COALESCE(MAX(end_at - start_at), 0) FROM bookings"))
      if (auto row = st->step(); row && *row) found = st->integer(0);
    std::int64_t seen = longest_.load();
    while (found > seen && !longest_.compare_exchange_weak(seen, found)) {
    }
  });
  return longest_.load();
}

outcome<domain::slot_batch> sqlite_bookings::list_active_slots(
    std::span<const domain::space_window> spaces) {
  return occupancy_.collect(spaces);
}

outcome<domain::booking> sqlite_bookings::get_booking(std::string_view id) {
  return read<domain::booking>([id](connection& c) { return load_booking(c, id); });
}

outcome<std::vector<domain::booking>> sqlite_bookings::list_bookings(
    const domain::booking_filter& f) {
  return read<std::vector<domain::booking>>(
      [&f](connection& c) -> outcome<std::vector<domain::booking>> {
        std::string statuses;
        for (auto s : f.statuses)
          statuses += fmt::format("{}'{}'", statuses.empty() ? "" : ",", domain::to_string(s));
        // Status names are our own constants, never client text, so they can be inlined. Only
        // the conditions given appear, so that SQLite can pick an index ("?1 IS NULL OR ..."
        // would scan the table); the few shapes each stay prepared in the connection's cache.
        std::string where = "1";
        if (f.user_id) where += " AND user_id = ?1";
        if (f.space_id) where += " AND space_id = ?2";
        if (f.from) where += " AND end_at > ?3";
        if (f.to) where += " AND start_at < ?4";
        if (!statuses.empty()) where += fmt::format(" AND status IN ({})", statuses);
        auto sql = fmt::format("SELECT {} FROM bookings WHERE {} ORDER BY start_at, id LIMIT ?5",
                               booking_columns, where);
        auto st = c.prepare(sql);
        if (!st) return st.error();
        if (f.user_id) st->bind(1, *f.user_id);
        if (f.space_id) st->bind(2, *f.space_id);
        if (f.from) st->bind(3, to_unix(*f.from));
        if (f.to) st->bind(4, to_unix(*f.to));
        st->bind(5, static_cast<std::int64_t>(f.limit));
        return collect<domain::booking>(*st, read_booking);
      });
}

outcome<domain::booking> sqlite_bookings::set_status(
    std::string_view id, domain::booking_status from, domain::booking_status to,
    std::optional<domain::sys_seconds> checked_in_at) {
  std::string key(id);
  return write<domain::booking>(
      [key, from, to, checked_in_at](connection& c) {
        return update_status(c, key, from, domain::status_change{to, checked_in_at});
      },
      index_after_commit());
}

void sqlite_bookings::change_status_then(
    std::string_view id,
    std::function<outcome<domain::status_change>(const domain::booking&)> decide,
    std::function<void(outcome<domain::booking>)> done) {
  std::string key(id);
  write_then<domain::booking>(
      [key, decide = std::move(decide)](connection& c) -> outcome<domain::booking> {
        auto b = load_booking(c, key);
        if (!b) return b;
        auto change = decide(*b);
        if (!change) return change.error();
        return update_status(c, key, b->status, *change);
      },
      index_after_commit(), std::move(done));
}

}  // namespace hubgate::store
