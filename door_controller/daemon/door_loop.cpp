#include "door_controller/daemon/door_loop.hpp"

#include <algorithm>

#include "door_controller/decision/decide.hpp"
#include "protocol/log/log.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::door {

using protocol::event_kind;

door_loop::door_loop(door_loop_options options, const clock& clock, door_io& io,
                     event_journal& journal)
    : options_(std::move(options)),
      configured_unlock_(options_.unlock),
      configured_held_open_(options_.held_open),
      clock_(clock),
      io_(io),
      journal_(journal) {
  freshness_.max_age_seconds = options_.list_max_age_s;
  freshness_.policy = options_.stale_policy;
}

void door_loop::set_list(access_index index, std::int64_t issued_at,
                         const std::vector<protocol::door_settings>& doors) {
  index_ = std::move(index);
  freshness_.issued_at = issued_at;
  auto unlock = configured_unlock_;
  auto held_open = configured_held_open_;
  auto mine = std::find_if(doors.begin(), doors.end(),
                           [&](const auto& d) { return d.door_id == options_.door_id; });
  if (mine != doors.end()) {
    unlock = std::chrono::milliseconds{mine->unlock_ms};
    held_open = std::chrono::milliseconds{mine->held_open_ms};
  }
  if (unlock != options_.unlock || held_open != options_.held_open) {
    options_.unlock = unlock;
    options_.held_open = held_open;
    log::write(log::level::info, "door_settings",
               {{"unlock_ms", unlock.count()}, {"held_open_ms", held_open.count()}});
  }
}

void door_loop::on_reader(const reader_event& event) {
  switch (event.what) {
    case reader_event::kind::tap:
      on_tap(event.uid);
      break;
    case reader_event::kind::lost:
      log::write(log::level::warn, "reader_lost", {{"detail", event.detail}});
      record(event_kind::reader_lost, std::nullopt, event.detail);
      break;
    case reader_event::kind::recovered:
      log::write(log::level::info, "reader_recovered");
      record(event_kind::reader_recovered, std::nullopt, {});
      break;
  }
}

void door_loop::on_io(const io_event& event) {
  switch (event.what) {
    case io_event::kind::door_opened:
      on_door_opened(event.initial);
      break;
    case io_event::kind::door_closed:
      on_door_closed(event.initial);
      break;
    case io_event::kind::button_pressed:
      on_exit_button();
      break;
    case io_event::kind::button_released:
      break;
    case io_event::kind::lost:
      log::write(log::level::warn, "io_lost", {{"detail", event.detail}});
      break;
    case io_event::kind::recovered:
      log::write(log::level::info, "io_recovered");
      break;
  }
}

void door_loop::on_tap(std::span<const std::uint8_t> uid) {
  const auto card = protocol::make_pseudonym(options_.list_key, uid);
  const auto now_s =
      std::chrono::duration_cast<std::chrono::seconds>(clock_.system_now().time_since_epoch())
          .count();
  const verdict v = decide(index_, card, options_.door_id, now_s, freshness_);
  // A decision taken with the clock behind the list says so, granted or not, so the service
  // sees a board whose clock needs setting.
  const std::string reason(v.clock_untrusted ? to_string(deny_reason::clock_untrusted)
                           : v.granted       ? protocol::to_string(v.source)
                                             : to_string(v.reason));
  // Each tap's event carries the reason; the log says it once until the clock is trusted again.
  if (v.clock_untrusted && !clock_untrusted_logged_)
    log::write(log::level::warn, "clock_untrusted", {{"list_issued_at", *freshness_.issued_at}});
  clock_untrusted_logged_ = v.clock_untrusted;
  log::write(log::level::info, v.granted ? "tap_granted" : "tap_denied",
             {{"card", protocol::to_hex(card)}, {"reason", reason}});
  // The event is durable before the relay moves; a grant that cannot be recorded is not acted
  // on, so every unlock is accounted for.
  if (record(v.granted ? event_kind::tap_granted : event_kind::tap_denied, card, reason) &&
      v.granted)
    pulse();
}

void door_loop::on_exit_button() {
  log::write(log::level::info, "exit_button");
  // Life safety: someone inside must get out even when the local store cannot write (a full or
  // broken SD card), so the relay moves first and the event is recorded best-effort. "No
  // record, no unlock" holds for card taps only.
  pulse();
  record(event_kind::exit_button, std::nullopt, {});
}

void door_loop::on_door_opened(bool initial) {
  if (door_open_) return;
  door_open_ = true;
  opened_at_ = clock_.steady_now();
  held_open_reported_ = false;
  if (initial) return;
  const bool authorised = authorised_until_ && opened_at_ <= *authorised_until_;
  log::write(authorised ? log::level::info : log::level::warn, "door_opened",
             {{"authorised", authorised}});
  if (!authorised) record(event_kind::door_forced_open, std::nullopt, "no grant");
}

void door_loop::on_door_closed(bool initial) {
  if (!door_open_) return;
  door_open_ = false;
  if (initial) return;
  log::write(log::level::info, "door_closed");
  record(event_kind::door_closed, std::nullopt, {});
}

void door_loop::tick() {
  const auto now = clock_.steady_now();
  if (relay_on_ && now >= relay_off_at_) drive_relay(false);
  if (door_open_ && !held_open_reported_ && now - opened_at_ >= options_.held_open) {
    held_open_reported_ = true;
    log::write(log::level::warn, "door_held_open");
    record(event_kind::door_held_open, std::nullopt, {});
  }
}

std::optional<door_loop::steady_time> door_loop::next_deadline() const {
  std::optional<steady_time> next;
  if (relay_on_) next = relay_off_at_;
  if (door_open_ && !held_open_reported_) {
    const auto held = opened_at_ + options_.held_open;
    if (!next || held < *next) next = held;
  }
  return next;
}

void door_loop::record_list_event(protocol::event_kind kind, std::string reason) {
  record(kind, std::nullopt, std::move(reason));
}

void door_loop::release() {
  if (relay_on_) drive_relay(false);
}

bool door_loop::record(event_kind kind, std::optional<protocol::pseudonym> card,
                       std::string reason) {
  protocol::access_event event;
  event.id = protocol::make_event_id();
  event.door_id = options_.door_id;
  event.card = card;
  event.at =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_.system_now().time_since_epoch())
          .count();
  event.kind = kind;
  if (reason.size() > protocol::max_reason_length) reason.resize(protocol::max_reason_length);
  event.reason = std::move(reason);
  if (auto stored = journal_.append(event); !stored) {
    log::write(log::level::error, "event_not_recorded",
               {{"kind", protocol::to_string(kind)}, {"error", stored.error().message()}});
    return false;
  }
  log::write(log::level::debug, "event_recorded",
             {{"id", event.id}, {"kind", protocol::to_string(kind)}});
  return true;
}

void door_loop::pulse() {
  if (!relay_on_) drive_relay(true);
  // Timed from when the relay has moved, so the door stays unlocked for the whole unlock time.
  relay_off_at_ = clock_.steady_now() + options_.unlock;
  authorised_until_ = relay_off_at_;
}

void door_loop::drive_relay(bool on) {
  relay_on_ = on;
  if (auto driven = io_.set_relay(on); !driven)
    log::write(log::level::error, "relay_failed",
               {{"on", on}, {"error", driven.error().message()}});
  else
    log::write(log::level::debug, "relay", {{"on", on}});
}

}  // namespace hubgate::door
