// String forms of the domain's enums: the values used in the HTTP API and in storage.
#include <array>

#include "booking/domain/booking.hpp"
#include "booking/domain/booking_lifecycle.hpp"
#include "booking/domain/credential.hpp"
#include "booking/domain/door.hpp"
#include "booking/domain/space.hpp"
#include "booking/domain/user.hpp"

namespace hubgate::domain {
namespace {

template <class E, std::size_t N>
std::string_view name_of(const std::array<std::string_view, N>& names, E e) noexcept {
  auto i = static_cast<std::size_t>(e);
  return i < N ? names[i] : std::string_view("unknown");
}

template <class E, std::size_t N>
std::optional<E> parse_of(const std::array<std::string_view, N>& names,
                          std::string_view s) noexcept {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == s) return static_cast<E>(i);
  return std::nullopt;
}

constexpr std::array<std::string_view, 6> kind_names{"desk",  "room",     "lab",
                                                     "event", "training", "showroom"};
constexpr std::array<std::string_view, 2> mode_names{"exclusive", "shared"};
constexpr std::array<std::string_view, 2> role_names{"member", "admin"};
constexpr std::array<std::string_view, 6> status_names{"pending",  "confirmed", "checked_in",
                                                       "released", "cancelled", "completed"};
constexpr std::array<std::string_view, 2> credential_kind_names{"uid", "desfire"};
constexpr std::array<std::string_view, 4> credential_status_names{"active", "suspended", "lost",
                                                                  "revoked"};
constexpr std::array<std::string_view, 2> fail_mode_names{"secure", "safe"};
constexpr std::array<std::string_view, 6> action_names{"approve",  "reject",  "cancel",
                                                       "check_in", "release", "complete"};

}  // namespace

std::string_view to_string(space_kind k) noexcept {
  return name_of(kind_names, k);
}
std::optional<space_kind> parse_space_kind(std::string_view s) noexcept {
  return parse_of<space_kind>(kind_names, s);
}
std::string_view to_string(booking_mode m) noexcept {
  return name_of(mode_names, m);
}
std::optional<booking_mode> parse_booking_mode(std::string_view s) noexcept {
  return parse_of<booking_mode>(mode_names, s);
}
std::string_view to_string(role r) noexcept {
  return name_of(role_names, r);
}
std::optional<role> parse_role(std::string_view s) noexcept {
  return parse_of<role>(role_names, s);
}
std::string_view to_string(booking_status s) noexcept {
  return name_of(status_names, s);
}
std::optional<booking_status> parse_booking_status(std::string_view s) noexcept {
  return parse_of<booking_status>(status_names, s);
}
std::string_view to_string(credential_kind k) noexcept {
  return name_of(credential_kind_names, k);
}
std::optional<credential_kind> parse_credential_kind(std::string_view s) noexcept {
  return parse_of<credential_kind>(credential_kind_names, s);
}
std::string_view to_string(credential_status s) noexcept {
  return name_of(credential_status_names, s);
}
std::optional<credential_status> parse_credential_status(std::string_view s) noexcept {
  return parse_of<credential_status>(credential_status_names, s);
}
std::string_view to_string(fail_mode m) noexcept {
  return name_of(fail_mode_names, m);
}
std::optional<fail_mode> parse_fail_mode(std::string_view s) noexcept {
  return parse_of<fail_mode>(fail_mode_names, s);
}
std::string_view to_string(booking_action a) noexcept {
  return name_of(action_names, a);
}

}  // namespace hubgate::domain
