// The outcome of a tap at a door: granted (and by which kind of grant), or denied with a
// reason whose string form is stable, since it is logged and uploaded with the event.
#pragma once
#include <string_view>

#include "protocol/access_list.hpp"

namespace hubgate::door {

enum class deny_reason {
  none,             // granted
  unknown_card,     // no entry for this card anywhere on the list
  revoked,          // on the revoked list: beats any window
  outside_window,   // an entry for this door, but no window covers now
  wrong_door,       // the card is known, but has no entry for this door
  list_stale,       // the list is past its maximum age and the policy refuses this grant
  no_list,          // the board holds no valid list
  clock_untrusted,  // the list was issued in the board's future and this grant needs the clock
};

// "granted" for none, else the enumerator's name ("unknown_card", "revoked", ...).
std::string_view to_string(deny_reason r) noexcept;

struct verdict {
  bool granted = false;
  deny_reason reason = deny_reason::no_list;
  protocol::grant_source source = protocol::grant_source::booking;  // meaningful when granted
  // Decided with the board's clock behind the list's issue time (see decide).
  bool clock_untrusted = false;

  static verdict grant(protocol::grant_source s) { return {true, deny_reason::none, s}; }
  static verdict deny(deny_reason r) { return {false, r, protocol::grant_source::booking}; }
};

}  // namespace hubgate::door
