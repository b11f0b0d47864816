// The storage interfaces the domain needs, free of SQL so that SQLite (booking/store) and a
// later PostgreSQL backend can both implement them. Every call may block; none throws.
#pragma once
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/booking.hpp"
#include "booking/domain/credential.hpp"
#include "booking/domain/door.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/group.hpp"
#include "booking/domain/site.hpp"
#include "booking/domain/space.hpp"
#include "booking/domain/user.hpp"

namespace hubgate::domain {

struct space_filter {
  std::optional<std::string> site_id;
  std::optional<space_kind> kind;
  std::vector<std::string> features;  // all of them
  std::optional<int> min_capacity;
  bool include_inactive = false;
};

// Whether the space passes the filter (what list_spaces returns).
bool matches(const space& s, const space_filter& filter);

// Sites, spaces, groups and doors. Inserts assign an id when the given one is empty and
// return the stored record; updates replace the whole record (not_found if absent).
class catalog_repository {
 public:
  virtual ~catalog_repository() = default;

  virtual outcome<std::vector<site>> list_sites() = 0;
  virtual outcome<site> get_site(std::string_view id) = 0;
  virtual outcome<site> insert_site(site s) = 0;
  virtual outcome<site> update_site(site s) = 0;

  virtual outcome<std::vector<space>> list_spaces(const space_filter& filter) = 0;
  // Every space, active or not, as one immutable list shared with other readers: what a
  // search over hundreds of spaces reads without copying each. The default copies.
  virtual outcome<std::shared_ptr<const std::vector<space>>> all_spaces() {
    space_filter every;
    every.include_inactive = true;
    auto list = list_spaces(every);
    if (!list) return list.error();
    return std::make_shared<const std::vector<space>>(std::move(*list));
  }
  virtual outcome<space> get_space(std::string_view id) = 0;
  virtual outcome<space> insert_space(space s) = 0;
  // Inside one write transaction: reads the space's active bookings ending after `now` and
  // runs check_capacity_cut against the new record, so a concurrent booking cannot slip in
  // between check and update (capacity_exceeded_by_bookings with the conflicts).
  virtual outcome<space> update_space(space s, sys_seconds now) = 0;

  virtual outcome<std::vector<group>> list_groups() = 0;
  virtual outcome<group> get_group(std::string_view id) = 0;
  virtual outcome<group> insert_group(group g) = 0;
  virtual outcome<group> update_group(group g) = 0;
  virtual outcome<void> delete_group(std::string_view id) = 0;

  virtual outcome<std::vector<door>> list_doors(std::optional<std::string> site_id) = 0;
  virtual outcome<door> get_door(std::string_view id) = 0;
  virtual outcome<door> insert_door(door d) = 0;
  virtual outcome<door> update_door(door d) = 0;
  virtual outcome<void> delete_door(std::string_view id) = 0;
};

struct booking_filter {
  std::optional<std::string> user_id;
  std::optional<std::string> space_id;
  std::optional<sys_seconds> from;       // bookings ending after this
  std::optional<sys_seconds> to;         // bookings starting before this
  std::vector<booking_status> statuses;  // empty: any
  std::size_t limit = 1000;
};

// One space and the window whose active bookings an availability search needs. The id is
// borrowed: it must outlive the read.
struct space_window {
  std::string_view space_id;
  time_range window;
};

// The active bookings of many spaces, read at one instant: the bookings of the i-th space
// asked for are slots[ends[i-1], ends[i]) (from 0 for the first). Only start, end, seats and
// status are filled: what free seats are computed from.
struct slot_batch {
  std::vector<booking> slots;
  std::vector<std::size_t> ends;

  std::span<const booking> of(std::size_t i) const {
    const std::size_t first = i == 0 ? 0 : ends[i - 1];
    return std::span<const booking>(slots).subspan(first, ends[i] - first);
  }
};

// What the store checks, in the inserting transaction, beyond capacity and buffer.
struct quota_check {
  std::string time_zone;  // the site's; weeks are local ISO weeks
  std::chrono::seconds per_week{0};
};

// A booking as it is to be stored and the quota its write must check: a new booking for
// insert_booking, or an existing one's new form for revise_booking_then.
struct booking_admission {
  booking candidate;
  std::optional<quota_check> quota;
};

// What a status action turns a booking into (see booking_repository::change_status_then).
struct status_change {
  booking_status to;
  std::optional<sys_seconds> checked_in_at;
};

class booking_repository {
 public:
  virtual ~booking_repository() = default;

  // In ONE write transaction: reads the space (space_inactive if inactive), its active
  // bookings within capacity_window() and runs check_capacity; with a quota, reads the user's
  // active bookings in quota_window() and runs check_quota; then inserts. Returns the stored
  // booking (id and created_at as given, id assigned when empty). Acknowledged = durable.
  virtual outcome<booking> insert_booking(booking candidate,
                                          const std::optional<quota_check>& quota) = 0;
  // insert_booking without waiting: `done` gets its outcome exactly once, possibly later and
  // on another thread (a store with a writer thread calls it after the commit).
  // By value: a store with a writer thread keeps `done` (the default only calls it).
  // NOLINTBEGIN(performance-unnecessary-value-param)
  virtual void insert_booking_then(booking candidate, const std::optional<quota_check>& quota,
                                   std::function<void(outcome<booking>)> done) {
    done(insert_booking(std::move(candidate), quota));
  }
  // NOLINTEND(performance-unnecessary-value-param)
  virtual outcome<booking> get_booking(std::string_view id) = 0;
  // Ordered by start, then id.
  virtual outcome<std::vector<booking>> list_bookings(const booking_filter& filter) = 0;
  // The active (pending, confirmed, checked-in) bookings overlapping each space's window, for
  // many spaces in one read: an availability search must not cost one round trip per space.
  // The default asks list_bookings per space, for implementations without a batched query.
  virtual outcome<slot_batch> list_active_slots(std::span<const space_window> spaces) {
    slot_batch out;
    for (const auto& s : spaces) {
      booking_filter f;
      f.space_id = std::string(s.space_id);
      f.from = s.window.from;
      f.to = s.window.to;
      f.statuses = {booking_status::pending, booking_status::confirmed, booking_status::checked_in};
      f.limit = 100000;
      auto some = list_bookings(f);
      if (!some) return some.error();
      out.slots.insert(out.slots.end(), some->begin(), some->end());
      out.ends.push_back(out.slots.size());
    }
    return out;
  }
  // Compare-and-set: moves the booking to `to` only if its status is still `from`
  // (invalid_transition otherwise, not_found when absent); sets checked_in_at when given.
  virtual outcome<booking> set_status(std::string_view id, booking_status from, booking_status to,
                                      std::optional<sys_seconds> checked_in_at = {}) = 0;
  // Reads the booking, asks `decide` what it becomes and applies that, as one write when the
  // store can (then nothing changes the booking in between). not_found when absent; decide's
  // failure as it is. `done` gets the changed booking exactly once, possibly later and on
  // another thread (as insert_booking_then).
  // By value, as insert_booking_then's `done`.
  // NOLINTBEGIN(performance-unnecessary-value-param)
  virtual void change_status_then(std::string_view id,
                                  std::function<outcome<status_change>(const booking&)> decide,
                                  std::function<void(outcome<booking>)> done) {
    auto b = get_booking(id);
    if (!b) return done(b.error());
    auto change = decide(*b);
    if (!change) return done(change.error());
    done(set_status(id, b->status, change->to, change->checked_in_at));
  }
  // NOLINTEND(performance-unnecessary-value-param)
  // In ONE write transaction: reads the booking (not_found when absent), asks `revise` for its
  // new form and checks that form as insert_booking checks a new booking (space active,
  // capacity and buffer, quota), not counting the booking's own current seats; then replaces
  // it. Any failure leaves the booking as it was. `done` as for insert_booking_then.
  virtual void revise_booking_then(std::string_view id,
                                   std::function<outcome<booking_admission>(const booking&)> revise,
                                   std::function<void(outcome<booking>)> done) = 0;
};

// A user's credentials (cards) and user records. Emails are unique case-insensitively.
class user_repository {
 public:
  virtual ~user_repository() = default;

  virtual outcome<std::vector<user>> list_users() = 0;
  virtual outcome<user> get_user(std::string_view id) = 0;
  virtual outcome<user> find_user_by_email(std::string_view email) = 0;
  virtual outcome<std::size_t> count_users() = 0;
  // email_taken when the email exists. The hash is the caller's (e.g. scrypt, encoded).
  virtual outcome<user> insert_user(user u, std::string password_hash) = 0;
  virtual outcome<user> update_user(user u) = 0;  // email_taken on a clash

  // Credentials come back with their card_hint and an empty card_id: the UID never leaves
  // the store this way.
  virtual outcome<std::vector<credential>> list_credentials(std::string_view user_id) = 0;
  virtual outcome<credential> get_credential(std::string_view id) = 0;
  // By the normalised UID (upper-case hex); not_found when no credential holds it.
  virtual outcome<credential> find_credential_by_card(std::string_view card_id) = 0;
  // Stores c.card_id's digest, sealed form and hint; card_taken on a clash.
  virtual outcome<credential> insert_credential(credential c) = 0;
  // Changes label, status, expiry and legacy; the card itself stays (re-enrol for another).
  virtual outcome<credential> update_credential(credential c) = 0;
};

struct session_record {
  std::string user_id;
  std::string csrf_token;
  sys_seconds created_at{};
  sys_seconds expires_at{};
  sys_seconds last_seen{};
};

// One of a user's sessions as the user sees it: never its token.
struct session_summary {
  std::string id;  // stable, not the token: the first 16 hex digits of the token's SHA-256
  sys_seconds created_at{};
  sys_seconds last_seen{};
  sys_seconds expires_at{};
};

struct api_token_record {
  std::string id;  // assigned by the store when empty
  std::string name;
  std::string user_id;
  sys_seconds created_at{};
  std::optional<sys_seconds> last_used;
  bool revoked = false;
  sys_seconds expires_at{};  // found after it too: the caller refuses an expired token
};

struct login_record {
  user account;
  std::string password_hash;
};

// Passwords, sessions and API tokens. Session and API tokens are passed in clear and only
// their SHA-256 is stored and looked up: a copy of the database cannot be replayed.
class auth_repository {
 public:
  virtual ~auth_repository() = default;

  virtual outcome<login_record> find_login(std::string_view email) = 0;
  // Sets the password hash and, in the same write, ends every session of the user except
  // `kept_session` (a clear session token; empty keeps none): a new password signs out
  // everywhere else. Bearer tokens stay. Returns how many sessions ended.
  virtual outcome<std::size_t> set_password_hash(std::string_view user_id, std::string hash,
                                                 std::string_view kept_session) = 0;

  virtual outcome<void> insert_session(std::string_view token, const session_record& s) = 0;
  // not_found when absent or expired at `now`.
  virtual outcome<session_record> find_session(std::string_view token, sys_seconds now) = 0;
  virtual outcome<void> touch_session(std::string_view token, sys_seconds now) = 0;
  virtual outcome<void> delete_session(std::string_view token) = 0;
  // Deletes the sessions expired at `now` and those last seen at or before `unused_since`
  // (ended by idle expiry); returns how many.
  virtual outcome<std::size_t> delete_expired_sessions(sys_seconds now,
                                                       sys_seconds unused_since) = 0;
  // The user's sessions not expired at `now`, most recently seen first.
  virtual outcome<std::vector<session_summary>> list_sessions(std::string_view user_id,
                                                              sys_seconds now) = 0;
  // not_found when the user has no session with that id.
  virtual outcome<void> delete_session_by_id(std::string_view user_id, std::string_view id) = 0;

  virtual outcome<api_token_record> insert_api_token(std::string_view token,
                                                     api_token_record t) = 0;
  // not_found when absent or revoked (not when expired: see expires_at).
  virtual outcome<api_token_record> find_api_token(std::string_view token) = 0;
  virtual outcome<void> touch_api_token(std::string_view id, sys_seconds now) = 0;
  virtual outcome<std::vector<api_token_record>> list_api_tokens(std::string_view user_id) = 0;
  virtual outcome<void> revoke_api_token(std::string_view id) = 0;
};

}  // namespace hubgate::domain
