// The event intake of the stream: screen what a board reports, store what passes durably,
// acknowledge, then act on granted taps (check-in).
#include <utility>

#include "booking/controllers/stream_hub.hpp"
#include "booking/controllers/tap_check_in.hpp"
#include "protocol/log/log.hpp"

namespace hubgate::controllers {

void stream_hub::on_events(const std::shared_ptr<http::ws_peer>& peer, const std::string& id,
                           const protocol::events_message& m) {
  const auto now = now_();
  auto screened = screen(id, m.events);
  if (!screened) {
    log::write(log::level::warn, "events_store_failed",
               {{"controller_id", id}, {"message", screened.error().code.message()}});
    return;
  }
  for (const auto& r : screened->refused)
    log::write(log::level::warn, "event_refused",
               {{"controller_id", id},
                {"event_id", r.event.id},
                {"door_id", r.event.door_id},
                {"at_ms", r.event.at},
                {"reason", to_string(r.why)}});
  refused_events_.fetch_add(screened->refused.size());
  // Acknowledged only once durable: a failure means no ack, and the board sends them again.
  auto stored = ports_.controllers.insert_events(id, screened->accepted, now);
  if (!stored) {
    log::write(log::level::warn, "events_store_failed",
               {{"controller_id", id}, {"message", stored.error().code.message()}});
    return;
  }
  // Refused events are acknowledged too: they will never pass, and unacknowledged the board
  // would send them again for ever.
  protocol::events_ack_message ack;
  for (const auto& e : m.events) ack.ids.push_back(e.id);
  std::string site;
  {
    std::lock_guard lock(mutex_);
    auto it = links_.find(id);
    if (it != links_.end()) it->second.status.last_seen = now;
    if (auto k = known_.find(id); k != known_.end()) site = k->second.site_id;
  }
  peer->send(protocol::serialize(protocol::stream_message{std::move(ack)}));
  log::write(log::level::debug, "events_stored",
             {{"controller_id", id},
              {"received", m.events.size()},
              {"refused", screened->refused.size()},
              {"new", *stored}});
  if (check_in_taps(site, screened->accepted, now)) access_changed();
}

outcome<screened_events> stream_hub::screen(const std::string& controller_id,
                                            const std::vector<protocol::access_event>& events) {
  std::string site;
  sys_seconds not_before{};
  {
    std::lock_guard lock(mutex_);
    auto k = known_.find(controller_id);
    if (k == known_.end()) return screened_events{{}, {}};
    site = k->second.site_id;
    not_before = k->second.events_not_before;
  }
  // The doors as the catalogue holds them now, not as of the last derivation: a door just
  // moved to this board is its own at once.
  auto doors = ports_.catalog.list_doors(site);
  if (!doors) return doors.error();
  std::set<std::string, std::less<>> own;
  for (const auto& d : *doors)
    if (d.controller_id == controller_id) own.insert(d.id);
  return screen_events(events, own, not_before);
}

bool stream_hub::check_in_taps(const std::string& site_id,
                               const std::vector<protocol::access_event>& taps, sys_seconds now) {
  bool changed = false;
  for (const auto& e : taps) {
    if (e.kind != protocol::event_kind::tap_granted || !e.card) continue;
    auto credential = credential_for(site_id, *e.card);
    if (!credential) continue;
    auto done = check_in_by_tap(ports_.catalog, ports_.bookings, ports_.booking_service,
                                credential->user_id, e.door_id, tap_time(e, now),
                                options_.check_in_early_grace);
    if (!done) continue;
    for (const auto& b : *done) {
      log::write(log::level::info, "booking_checked_in_by_tap",
                 {{"booking_id", b.id}, {"door_id", e.door_id}});
      changed = true;
    }
  }
  return changed;
}

}  // namespace hubgate::controllers
