#include "door_controller/cache/cache_errc.hpp"

#include <string>

namespace hubgate::door {
namespace {

class category final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "hubgate.door.cache"; }

  std::string message(int value) const override {
    switch (static_cast<cache_errc>(value)) {
      case cache_errc::open_failed:
        return "local store cannot be opened";
      case cache_errc::schema_too_new:
        return "local store written by a newer version";
      case cache_errc::sql_error:
        return "local store query failed";
      case cache_errc::no_list:
        return "no access list stored";
      case cache_errc::tampered:
        return "stored access list fails verification";
      case cache_errc::not_a_snapshot:
        return "a snapshot is required first";
      case cache_errc::out_of_order:
        return "delta does not follow the stored list";
      case cache_errc::file_unreadable:
        return "list file cannot be read";
      case cache_errc::file_too_large:
        return "list file too large";
      case cache_errc::bad_event:
        return "event cannot be stored";
    }
    return "unknown local store error";
  }
};

}  // namespace

const boost::system::error_category& cache_category() noexcept {
  static const category instance;
  return instance;
}

}  // namespace hubgate::door
