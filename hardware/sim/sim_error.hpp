// Error codes of the hardware twin (pty, sockets, control requests), registered as a
// boost::system error category so they travel in boost::system::result like every layer's.
#pragma once
#include <boost/system/error_code.hpp>
#include <boost/system/result.hpp>
#include <type_traits>

namespace hubgate::sim {

enum class sim_errc {
  pty_unavailable = 1,  // posix_openpt/grantpt/unlockpt failed
  link_failed,          // the --link symlink could not be created
  socket_failed,        // the control socket could not be created or reached
  bad_request,          // a control line that does not parse
  bad_uid,              // not a 4-, 7- or 10-byte hex UID
  already_running,
  connection_closed,  // the peer went away before answering
};

const boost::system::error_category& sim_category() noexcept;

inline boost::system::error_code make_error_code(sim_errc e) noexcept {
  return {static_cast<int>(e), sim_category()};
}

}  // namespace hubgate::sim

template <>
struct boost::system::is_error_code_enum<hubgate::sim::sim_errc> : std::true_type {};
