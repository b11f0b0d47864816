// Failures of the storage layer itself (as opposed to domain refusals): the api answers
// them with 5xx and logs them; busy and closed compare equal to
// domain::port_condition::unavailable (503). The message never carries secrets.
#pragma once
#include <boost/system/error_category.hpp>
#include <boost/system/error_code.hpp>
#include <type_traits>

namespace hubgate::store {

enum class errc {
  ok = 0,
  open_failed = 1,       // the database file could not be opened or configured
  migration_failed,      // the schema could not be brought up to date
  newer_schema,          // the file was written by a newer version
  busy,                  // lock timeout (another process holds the database)
  io_error,              // disk full, I/O error, read-only file system
  corrupt,               // integrity failure
  constraint,            // an unexpected constraint violation (a bug upstream)
  sqlite_error,          // any other SQLite failure
  closed,                // the database is shutting down
  bad_record,            // a stored row could not be decoded
  internal_error,        // an operation threw (a bug); it was rolled back
  card_key_unavailable,  // DATA_DIR/keys/card.key could not be read or made
  card_key_mismatch,     // the stored cards were sealed under another card key
};

const boost::system::error_category& store_category() noexcept;

inline boost::system::error_code make_error_code(errc e) noexcept {
  return {static_cast<int>(e), store_category()};
}

}  // namespace hubgate::store

namespace boost::system {
template <>
struct is_error_code_enum<hubgate::store::errc> : std::true_type {};
}  // namespace boost::system
