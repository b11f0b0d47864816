#include "hardware/sim/sim_error.hpp"

#include <string>

namespace hubgate::sim {
namespace {

class sim_category_impl final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.sim"; }
  std::string message(int ev) const override {
    switch (static_cast<sim_errc>(ev)) {
      case sim_errc::pty_unavailable:
        return "pseudo-terminal unavailable";
      case sim_errc::link_failed:
        return "cannot create the reader link";
      case sim_errc::socket_failed:
        return "control socket error";
      case sim_errc::bad_request:
        return "malformed control request";
      case sim_errc::bad_uid:
        return "UID must be 4, 7 or 10 bytes of hex";
      case sim_errc::already_running:
        return "already running";
      case sim_errc::connection_closed:
        return "connection closed";
    }
    return "unknown sim error";
  }
};

}  // namespace

const boost::system::error_category& sim_category() noexcept {
  static const sim_category_impl instance;
  return instance;
}

}  // namespace hubgate::sim
