#include "booking/domain/port_condition.hpp"

#include <string>

namespace hubgate::domain {
namespace {

class category final : public boost::system::error_category {
 public:
  category() noexcept : error_category(0x6875626761746503ULL) {}
  const char* name() const noexcept override { return "hubgate.domain.port"; }
  std::string message(int ev) const override {
    switch (static_cast<port_condition>(ev)) {
      case port_condition::unavailable:
        return "the store is busy or shutting down";
    }
    return "unknown port condition";
  }
};

}  // namespace

const boost::system::error_category& port_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace hubgate::domain
