// The booking use cases: create, list, get, cancel, approve/reject, check in, availability
// and the periodic no-show release. Validation and authorisation happen here; the store
// re-checks capacity and quota inside its transaction.
#pragma once
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "booking/domain/actor.hpp"
#include "booking/domain/availability.hpp"
#include "booking/domain/booking.hpp"
#include "booking/domain/booking_lifecycle.hpp"
#include "booking/domain/failure.hpp"
#include "booking/domain/local_time.hpp"
#include "booking/domain/ports.hpp"
#include "booking/domain/space.hpp"

namespace hubgate::domain {

struct booking_settings {
  std::chrono::seconds check_in_early_grace{std::chrono::minutes{15}};
};

struct booking_request {
  std::string space_id;
  time_input start;  // wall time or with offset; resolved in the space's site zone
  time_input end;
  int seats = 1;
  std::string title;
  std::optional<std::string> user_id;  // admins may book for someone else
};

// A change to a booking: what is absent stays as it is.
struct booking_edit {
  std::optional<std::string> space_id;
  std::optional<time_input> start;
  std::optional<time_input> end;
  std::optional<int> seats;
  std::optional<std::string> title;
};

struct booking_query {
  std::optional<sys_seconds> from;
  std::optional<sys_seconds> to;
  std::optional<std::string> space_id;
  std::optional<booking_status> status;
  std::optional<std::string> user_id;  // admins only; members always see their own
};

struct availability_query {
  std::optional<space_kind> kind;
  std::optional<std::string> site_id;
  time_input from;
  time_input to;
  int seats = 1;
};

struct space_availability {
  std::shared_ptr<const space> room;  // never null
  int free_seats = 0;
};

class booking_service {
 public:
  booking_service(catalog_repository& catalog, booking_repository& bookings, user_repository& users,
                  booking_settings settings = {});

  // -> confirmed, or pending when the space needs approval (admins book confirmed). `who` is
  // an authenticated, active user; a booking for someone else reads that user's record.
  outcome<booking> create(const actor& who, const booking_request& req, sys_seconds now);
  // create without waiting for the store's write: `done` gets the outcome exactly once,
  // possibly later and on another thread (see booking_repository::insert_booking_then).
  void create_then(const actor& who, const booking_request& req, sys_seconds now,
                   std::function<void(outcome<booking>)> done);
  // Moves or resizes a booking with every check create makes, capacity and quota not counting
  // its own current seats, as one write: when a check fails it stays as it was. Who may edit,
  // what and the status it gets: check_editable and status_after_edit. An unchanged start is
  // not held to lead time and days ahead again.
  void edit_then(const actor& who, std::string_view id, const booking_edit& change, sys_seconds now,
                 std::function<void(outcome<booking>)> done);
  outcome<booking> edit(const actor& who, std::string_view id, const booking_edit& change,
                        sys_seconds now);
  outcome<std::vector<booking>> list(const actor& who, const booking_query& q);
  outcome<booking> get(const actor& who, std::string_view id);  // others: not_found
  outcome<booking> cancel(const actor& who, std::string_view id, sys_seconds now);
  outcome<booking> approve(const actor& who, std::string_view id, sys_seconds now);
  outcome<booking> reject(const actor& who, std::string_view id, sys_seconds now);
  outcome<booking> check_in(const actor& who, std::string_view id, sys_seconds now);
  // Any of those four without waiting for the store's write: the booking is read, checked
  // and changed in one write where the store can; `done` as for create_then.
  void act_then(const actor& who, std::string_view id, booking_action action, sys_seconds now,
                std::function<void(outcome<booking>)> done);

  // Active spaces (of the kind/site) the actor may book, open and free with `seats` for the
  // whole interval, each with its free seats.
  outcome<std::vector<space_availability>> availability(const actor& who,
                                                        const availability_query& q,
                                                        sys_seconds now);
  // Free seats over time (0 while the space is closed). Times are resolved in its site zone.
  outcome<std::vector<free_segment>> space_free_segments(const actor& who,
                                                         std::string_view space_id,
                                                         const time_input& from,
                                                         const time_input& to);

  // Releases confirmed bookings of check-in spaces not checked in by start + release window;
  // returns the released bookings. For a periodic job; no actor.
  outcome<std::vector<booking>> release_no_shows(sys_seconds now);
  // Marks checked-in and confirmed bookings that have ended as completed (periodic job).
  outcome<std::vector<booking>> complete_ended(sys_seconds now);

 private:
  // Everything create (and edit) checks before the store's write transaction: the booking to
  // store and the quota that transaction must check. `subject` is whom the booking is for;
  // `before` the booking an edit changes (null when creating).
  outcome<booking_admission> admit(const actor& who, const actor& subject,
                                   const booking_request& req, sys_seconds now,
                                   const booking* before);
  outcome<actor> subject_of(const actor& who, const std::optional<std::string>& user_id);
  // What `change` by `who` turns `b` into, with the checks of admit.
  outcome<booking_admission> revise(const actor& who, const booking& b, const booking_edit& change,
                                    sys_seconds now);
  outcome<booking> transition(const actor& who, std::string_view id, booking_action action,
                              sys_seconds now);
  // What `action` by `who` turns `b` into, or why not.
  outcome<status_change> decide(const actor& who, const booking& b, booking_action action,
                                sys_seconds now) const;

  catalog_repository& catalog_;
  booking_repository& bookings_;
  user_repository& users_;
  booking_settings settings_;
};

}  // namespace hubgate::domain
