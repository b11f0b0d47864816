// booking_service's edit use case: a booking's new time, space, seats or title, checked as a
// new booking would be and written in the same transaction that reads it.
#include <future>

#include "booking/domain/booking_lifecycle.hpp"
#include "booking/domain/booking_service.hpp"

namespace hubgate::domain {
namespace {

// An instant as a time_input that resolves to exactly it in any zone.
time_input as_input(sys_seconds t) {
  return time_input{date::local_seconds{t.time_since_epoch()}, std::chrono::minutes{0}};
}

}  // namespace

void booking_service::edit_then(const actor& who, std::string_view id, const booking_edit& change,
                                sys_seconds now, std::function<void(outcome<booking>)> done) {
  bookings_.revise_booking_then(
      id, [this, who, change, now](const booking& b) { return revise(who, b, change, now); },
      std::move(done));
}

outcome<booking> booking_service::edit(const actor& who, std::string_view id,
                                       const booking_edit& change, sys_seconds now) {
  std::promise<outcome<booking>> edited;
  auto result = edited.get_future();
  edit_then(who, id, change, now,
            [&edited](outcome<booking> r) { edited.set_value(std::move(r)); });
  return result.get();
}

outcome<booking_admission> booking_service::revise(const actor& who, const booking& b,
                                                   const booking_edit& change, sys_seconds now) {
  const bool moves = (change.space_id && *change.space_id != b.space_id) ||
                     (change.seats && *change.seats != b.seats);
  if (auto r = check_editable(who, b, moves, now); !r) return r.error();
  // A begun booking's form may repeat its start; only a different one is a move. A start
  // that does not resolve is reported by admit like any other.
  if (change.start && has_begun(b, now)) {
    auto s = catalog_.get_space(b.space_id);
    if (!s) return s.error();
    auto st = catalog_.get_site(s->site_id);
    if (!st) return st.error();
    auto zone = find_zone(st->time_zone);
    if (!zone) return zone.error();
    if (auto start = resolve(*zone, *change.start); start && *start != b.start) {
      if (auto r = check_editable(who, b, true, now); !r) return r.error();
    }
  }
  auto subject = subject_of(who, b.user_id);
  if (!subject) return subject.error();
  booking_request req;
  req.space_id = change.space_id.value_or(b.space_id);
  req.start = change.start.value_or(as_input(b.start));
  req.end = change.end.value_or(as_input(b.end));
  req.seats = change.seats.value_or(b.seats);
  req.title = change.title.value_or(b.title);
  return admit(who, *subject, req, now, &b);
}

}  // namespace hubgate::domain
