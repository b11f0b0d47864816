// An NFC card bound to a user: a UID card or a DESFire card, with its status and optional
// expiry. Once enrolled, a card is shown by its hint alone: its UID stays with the store.
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
// The last 4 hex digits of an upper-case hex card UID (all of it when shorter).
std::string card_hint_of(std::string_view card_id);

struct credential {
  std::string id;  // assigned by the store when empty on create
  std::string user_id;
  credential_kind kind = credential_kind::uid;
  // The UID, hex, upper case, unique across credentials: given to enrol a card and read by the
  // access derivation; empty in every other read, since the store keeps it sealed.
  std::string card_id;
  std::string card_hint;  // card_hint_of(card_id): all of the UID that is ever shown
  std::string label;
  credential_status status = credential_status::active;
  std::optional<std::chrono::sys_seconds> expires_at;
  // Read by its UID, so clonable, and shown as such: every card until DESFire cards are
  // authenticated by their keys.
  bool legacy = true;
  std::chrono::sys_seconds created_at{};
  friend bool operator==(const credential&, const credential&) = default;
};

}  // namespace hubgate::domain
