// Error codes of the board's local store and list-file loader, as a boost::system category.
// Verification failures of stored data are all `tampered`: the caller reports and resyncs.
#pragma once
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <type_traits>

namespace hubgate::door {

template <class T>
using result = boost::system::result<T>;

enum class cache_errc {
  open_failed = 1,  // the database file cannot be opened or configured
  schema_too_new,   // written by a newer version of the daemon
  sql_error,        // any other SQLite failure (disk full, I/O error, ...)
  no_list,          // nothing stored yet
  tampered,         // a stored envelope fails decoding, its signature or the sequence chain
  not_a_snapshot,   // a list file (or first stored message) must be a snapshot
  out_of_order,     // save_list got a delta that does not follow what is stored
  file_unreadable,  // list file missing or unreadable
  file_too_large,   // list file beyond protocol::max_envelope_bytes
  bad_event,        // an event that cannot be stored (bad id)
};

const boost::system::error_category& cache_category() noexcept;

inline boost::system::error_code make_error_code(cache_errc e) noexcept {
  return {static_cast<int>(e), cache_category()};
}

}  // namespace hubgate::door

namespace boost::system {
template <>
struct is_error_code_enum<hubgate::door::cache_errc> : std::true_type {};
}  // namespace boost::system
