// An NFC card bound to a user: a legacy UID card (clonable, flagged) or a DESFire card, with
// its status and optional expiry. The card identifier is upper-case hex.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace hubgate::domain {

enum class credential_kind { uid, desfire };
enum class credential_status { active, suspended, lost, revoked };
std::string_view to_string(credential_kind k) noexcept;
std::optional<credential_kind> parse_credential_kind(std::string_view s) noexcept;
std::string_view to_string(credential_status s) noexcept;
std::optional<credential_status> parse_credential_status(std::string_view s) noexcept;

struct credential {
  std::string id;  // assigned by the store when empty on create
  std::string user_id;
  credential_kind kind = credential_kind::uid;
  std::string card_id;  // hex, upper case, unique across credentials
  std::string label;
  credential_status status = credential_status::active;
  std::optional<std::chrono::sys_seconds> expires_at;
  bool legacy = true;  // true for uid cards: clonable, shown as such
  std::chrono::sys_seconds created_at{};
  friend bool operator==(const credential&, const credential&) = default;
};

}  // namespace hubgate::domain
