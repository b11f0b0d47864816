// What a refused domain or store operation returns: an error code plus the detail a client
// needs to act on it (per-field validation errors, the bookings that block a change).
#pragma once
#include <boost/assert/source_location.hpp>
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <chrono>
#include <string>
#include <vector>

#include "booking/domain/errc.hpp"

namespace hubgate::domain {

struct field_error {
  std::string field;    // JSON name of the request field, e.g. "end" or "opening_hours[2]"
  std::string code;     // short machine code, e.g. "required", "before_start", "out_of_range"
  std::string message;  // plain words for a form
};

// A booking that blocks an operation (capacity cut, conflict report). No personal data:
// a member may learn that seats are taken, not by whom.
struct conflicting_booking {
  std::string booking_id;
  std::chrono::sys_seconds start;
  std::chrono::sys_seconds end;
  int seats = 0;
};

// `code` is a domain::errc for refusals the client can fix, or another category (the
// store's) for internal failures, which the api reports as 5xx without detail.
struct failure {
  boost::system::error_code code;
  std::string message;  // plain words, safe to show to the actor; may be empty
  std::vector<field_error> fields;
  std::vector<conflicting_booking> conflicts;

  failure() = default;
  failure(errc e) : code(make_error_code(e)) {}        // NOLINT: implicit on purpose
  failure(boost::system::error_code ec) : code(ec) {}  // NOLINT: implicit on purpose
  failure(errc e, std::string msg) : code(make_error_code(e)), message(std::move(msg)) {}
  failure(boost::system::error_code ec, std::string msg) : code(ec), message(std::move(msg)) {}

  bool is(errc e) const noexcept { return code == make_error_code(e); }
};

// A validation failure carrying one field error.
failure field_failure(std::string field, std::string code, std::string message);

// Every domain operation and every repository call returns an outcome: the value, or a
// failure. Callers test has_value()/error(); value() on a failure throws boost::system_error
// (a bug: never do it across a layer).
template <class T>
using outcome = boost::system::result<T, failure>;

// Found by ADL from boost::system::result<T, failure>::value().
[[noreturn]] void throw_exception_from_error(const failure& f, const boost::source_location& loc);

}  // namespace hubgate::domain
