// The door loop: a tap becomes a pseudonym, a decision, a durable event and (when granted) an
// unlock pulse; the exit button always pulses (its event is best-effort); the door sensor and
// exit button become forced-open, held-open, closed and exit events. Single-threaded and
// clock-driven: the runner feeds it inputs and ticks.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "door_controller/daemon/clock.hpp"
#include "door_controller/daemon/event_journal.hpp"
#include "door_controller/decision/access_index.hpp"
#include "door_controller/decision/staleness_policy.hpp"
#include "door_controller/io/door_io.hpp"
#include "door_controller/reader/card_reader.hpp"
#include "protocol/access_list.hpp"
#include "protocol/event.hpp"

namespace hubgate::door {

struct door_loop_options {
  std::string door_id;
  std::vector<std::uint8_t> list_key;  // HMAC key of card pseudonyms; never logged
  std::chrono::milliseconds unlock{5000};
  std::chrono::milliseconds held_open{30000};
  std::int64_t list_max_age_s = std::int64_t{24} * 3600;
  staleness_policy stale_policy = staleness_policy::standing_only;
};

class door_loop {
 public:
  using steady_time = std::chrono::steady_clock::time_point;

  door_loop(door_loop_options options, const clock& clock, door_io& io, event_journal& journal);

  // Replaces the list the loop decides from (issued_at: of its newest message).
  // The unlock and held-open times come from the list's settings for this door when it has
  // them (signed, set by the admin), else from the configuration (a list of an older service).
  void set_list(access_index index, std::int64_t issued_at,
                const std::vector<protocol::door_settings>& doors = {});

  void on_reader(const reader_event& event);
  void on_io(const io_event& event);
  // Runs due timers: ends unlock pulses, reports a door held open too long.
  void tick();
  // The next moment tick() has something to do, if any.
  std::optional<steady_time> next_deadline() const;

  // Records a list change (list_accepted / list_refused) like any other event.
  void record_list_event(protocol::event_kind kind, std::string reason);
  // Releases the relay (on shutdown: a stopping daemon leaves the door locked).
  void release();

  bool relay_on() const { return relay_on_; }

 private:
  void on_tap(std::span<const std::uint8_t> uid);
  void on_exit_button();
  void on_door_opened(bool initial);
  void on_door_closed(bool initial);
  // Makes the event durable; false (and an error log) when it could not be stored.
  bool record(protocol::event_kind kind, std::optional<protocol::pseudonym> card,
              std::string reason);
  void pulse();
  void drive_relay(bool on);

  door_loop_options options_;
  std::chrono::milliseconds configured_unlock_;
  std::chrono::milliseconds configured_held_open_;
  const clock& clock_;
  door_io& io_;
  event_journal& journal_;

  access_index index_;
  list_freshness freshness_;

  bool relay_on_ = false;
  steady_time relay_off_at_{};
  // A door opening before this moment was let in by a grant or the exit button.
  std::optional<steady_time> authorised_until_;
  bool door_open_ = false;
  steady_time opened_at_{};
  bool held_open_reported_ = false;
  bool clock_untrusted_logged_ = false;
};

}  // namespace hubgate::door
