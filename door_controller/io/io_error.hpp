// Error codes of the door I/O adapters, registered as their own error category so they travel
// in boost::system::error_code like every other layer's errors.
#pragma once
#include <boost/system/error_code.hpp>
#include <type_traits>

namespace hubgate::door {

enum class io_errc {
  connect_failed = 1,  // the twin's control socket or the GPIO chip cannot be opened
  write_failed,        // the command could not be sent
  bad_reply,           // the twin answered something other than ok
  line_failed,         // a GPIO line could not be requested or driven
};

const boost::system::error_category& io_category() noexcept;

inline boost::system::error_code make_error_code(io_errc e) noexcept {
  return {static_cast<int>(e), io_category()};
}

}  // namespace hubgate::door

template <>
struct boost::system::is_error_code_enum<hubgate::door::io_errc> : std::true_type {};
