#include "door_controller/io/io_error.hpp"

#include <string>

namespace hubgate::door {
namespace {

class io_category_impl final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.door.io"; }
  std::string message(int value) const override {
    switch (static_cast<io_errc>(value)) {
      case io_errc::connect_failed:
        return "cannot connect to the door I/O";
      case io_errc::write_failed:
        return "cannot send to the door I/O";
      case io_errc::bad_reply:
        return "the door I/O refused the command";
      case io_errc::line_failed:
        return "a GPIO line could not be used";
    }
    return "unknown door I/O error";
  }
};

}  // namespace

const boost::system::error_category& io_category() noexcept {
  static const io_category_impl category;
  return category;
}

}  // namespace hubgate::door
