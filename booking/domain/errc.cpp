#include "booking/domain/errc.hpp"

#include <array>
#include <string>

namespace hubgate::domain {
namespace {

struct errc_info {
  std::string_view name;
  int status;
};

// Indexed by the enum value; keep in the enum's order.
constexpr std::array<errc_info, 31> infos{{
    {"ok", 200},
    {"validation_failed", 422},
    {"not_found", 404},
    {"forbidden", 403},
    {"booking_conflict", 409},
    {"capacity_exceeded_by_bookings", 409},
    {"quota_exceeded", 409},
    {"outside_opening_hours", 422},
    {"space_closed", 422},
    {"nonexistent_local_time", 422},
    {"ambiguous_local_time", 422},
    {"too_short", 422},
    {"too_long", 422},
    {"too_soon", 422},
    {"too_far_ahead", 422},
    {"buffer_conflict", 409},
    {"kind_not_allowed", 403},
    {"space_not_allowed", 403},
    {"invalid_transition", 409},
    {"email_taken", 409},
    {"seats_exceed_capacity", 422},
    {"space_inactive", 409},
    {"check_in_not_open", 409},
    {"card_taken", 409},
    {"unknown_time_zone", 422},
    {"in_the_past", 422},
    {"user_inactive", 403},
    {"name_taken", 409},
    {"card_not_enrolled", 404},
    {"booking_not_editable", 409},
    {"booking_started", 409},
}};
static_assert(infos.size() == static_cast<std::size_t>(errc::booking_started) + 1);

class category final : public boost::system::error_category {
 public:
  category() noexcept : error_category(0x6875626761746501ULL) {}
  const char* name() const noexcept override { return "hubgate.domain"; }
  std::string message(int ev) const override {
    return std::string(to_string(static_cast<errc>(ev)));
  }
};

}  // namespace

const boost::system::error_category& domain_category() noexcept {
  static const category instance;
  return instance;
}

std::string_view to_string(errc e) noexcept {
  auto i = static_cast<std::size_t>(e);
  return i < infos.size() ? infos[i].name : std::string_view("unknown");
}

int http_status(errc e) noexcept {
  auto i = static_cast<std::size_t>(e);
  return i < infos.size() ? infos[i].status : 500;
}

bool is_domain_error(const boost::system::error_code& ec) noexcept {
  return ec.category() == domain_category();
}

}  // namespace hubgate::domain
