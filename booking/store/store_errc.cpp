#include "booking/store/store_errc.hpp"

#include <string>

#include "booking/domain/port_condition.hpp"

namespace hubgate::store {
namespace {

class category final : public boost::system::error_category {
 public:
  category() noexcept : error_category(0x6875626761746502ULL) {}
  const char* name() const noexcept override { return "hubgate.store"; }
  std::string message(int ev) const override {
    switch (static_cast<errc>(ev)) {
      case errc::ok:
        return "ok";
      case errc::open_failed:
        return "database could not be opened";
      case errc::migration_failed:
        return "schema migration failed";
      case errc::newer_schema:
        return "database written by a newer version";
      case errc::busy:
        return "database is busy";
      case errc::io_error:
        return "database I/O error";
      case errc::corrupt:
        return "database is corrupt";
      case errc::constraint:
        return "database constraint violated";
      case errc::sqlite_error:
        return "database error";
      case errc::closed:
        return "database is closed";
      case errc::bad_record:
        return "stored record could not be decoded";
      case errc::internal_error:
        return "internal error in a database operation";
      case errc::card_key_unavailable:
        return "the card key could not be read or made";
      case errc::card_key_mismatch:
        return "the stored cards were sealed under another card key";
    }
    return "unknown store error";
  }
  // How the api learns that a failure is worth a retry without knowing this store.
  bool equivalent(int code,
                  const boost::system::error_condition& condition) const noexcept override {
    if (condition == domain::port_condition::unavailable)
      return code == static_cast<int>(errc::busy) || code == static_cast<int>(errc::closed);
    return error_category::equivalent(code, condition);
  }
};

}  // namespace

const boost::system::error_category& store_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace hubgate::store
