#include "booking/access/errc.hpp"

#include <string>

namespace hubgate::access {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.access"; }
  std::string message(int ev) const override {
    switch (static_cast<errc>(ev)) {
      case errc::ok:
        return "ok";
      case errc::unknown_time_zone:
        return "a site's time zone is not in the tz database";
      case errc::missing_list_key:
        return "a site with controller doors has no list key";
    }
    return "unknown access error";
  }
};

}  // namespace

const boost::system::error_category& access_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace hubgate::access
