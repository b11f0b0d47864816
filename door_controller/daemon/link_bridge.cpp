#include "door_controller/daemon/link_bridge.hpp"

#include <fmt/format.h>

#include <variant>
#include <vector>

#include "protocol/log/log.hpp"

namespace hubgate::door {
namespace {

// Short, stable names for why a message was refused: the service and the logs read them.
std::string refusal_reason(const boost::system::error_code& ec) {
  using protocol::errc;
  if (ec.category() == protocol::protocol_category()) {
    switch (static_cast<errc>(ec.value())) {
      case errc::bad_signature:
        return "bad_signature";
      case errc::missing_signature:
        return "missing_signature";
      case errc::foreign_controller:
        return "foreign_controller";
      case errc::stale_epoch:
        return "stale_epoch";
      case errc::replayed_sequence:
        return "replayed_sequence";
      case errc::sequence_gap:
        return "sequence_gap";
      case errc::unexpected_type:
        return "unexpected_type";
      default:
        return "malformed";
    }
  }
  return "store_failed";
}

}  // namespace

link_bridge::link_bridge(link_client& client, local_store& store, list_keeper& lists,
                         const clock& clock, std::string controller_id,
                         std::chrono::milliseconds resend_after)
    : client_(client),
      store_(store),
      lists_(lists),
      clock_(clock),
      controller_id_(std::move(controller_id)),
      resend_after_(resend_after) {
  refresh_hello();
}

void link_bridge::on_input(const link_input& input) {
  switch (input.what) {
    case link_input::kind::connected:
      connected_ = true;
      last_down_reason_.clear();
      in_flight_.clear();
      log::write(log::level::info, "link_up",
                 {{"epoch", lists_.epoch()}, {"sequence", lists_.sequence()}});
      if (lists_.needs_snapshot()) send(protocol::resync_message{"tampered_store"});
      pump();
      break;
    case link_input::kind::disconnected:
      // Repeated failures while the service is away are logged once, not per attempt.
      if (connected_ || input.detail != last_down_reason_)
        log::write(connected_ ? log::level::warn : log::level::info, "link_down",
                   {{"reason", input.detail}});
      connected_ = false;
      last_down_reason_ = input.detail;
      in_flight_.clear();
      break;
    case link_input::kind::message:
      on_message(input.detail);
      break;
    case link_input::kind::heartbeat:
      log::write(log::level::debug, "link_heartbeat", {{"frame", input.detail}});
      break;
  }
}

void link_bridge::on_message(const std::string& text) {
  auto message = protocol::parse_stream_message(text);
  if (!message) {
    log::write(log::level::warn, "link_message_refused", {{"error", message.error().message()}});
    return;
  }
  if (const auto* list = std::get_if<protocol::list_message>(&*message)) {
    on_list(list->envelope);
  } else if (const auto* ack = std::get_if<protocol::events_ack_message>(&*message)) {
    on_events_ack(*ack);
  } else {
    log::write(log::level::debug, "link_message_ignored",
               {{"type", protocol::message_type(*message)}});
  }
}

void link_bridge::on_list(const protocol::signed_envelope& message) {
  if (auto applied = lists_.apply_message(message); !applied) {
    const std::string reason = refusal_reason(applied.error());
    log::write(log::level::warn, "list_refused",
               {{"source", "link"},
                {"reason", reason},
                {"epoch", message.body.epoch},
                {"sequence", message.body.sequence}});
    send(protocol::resync_message{reason});
    return;
  }
  refresh_hello();
  send(protocol::ack_message{lists_.epoch(), lists_.sequence()});
  // A snapshot may have recorded list_accepted: upload it along with the rest.
  pump();
}

void link_bridge::on_events_ack(const protocol::events_ack_message& ack) {
  const std::vector<std::string> ids(ack.ids.begin(), ack.ids.end());
  if (auto deleted = store_.delete_events(ids); !deleted) {
    log::write(log::level::error, "store_failed", {{"error", deleted.error().message()}});
    return;
  }
  for (const auto& id : ids) in_flight_.erase(id);
  log::write(log::level::debug, "events_acked", {{"count", ids.size()}});
  pump();
}

void link_bridge::pump() {
  if (!connected_) return;
  if (!in_flight_.empty()) {
    if (clock_.steady_now() - sent_at_ < resend_after_) return;
    log::write(log::level::warn, "events_resent", {{"count", in_flight_.size()}});
    in_flight_.clear();
  }
  auto pending = store_.pending_events(protocol::max_events_per_message);
  if (!pending) {
    log::write(log::level::error, "store_failed", {{"error", pending.error().message()}});
    return;
  }
  if (pending->empty()) return;
  for (const auto& e : *pending) in_flight_.insert(e.id);
  sent_at_ = clock_.steady_now();
  log::write(log::level::debug, "events_sent", {{"count", pending->size()}});
  send(protocol::events_message{std::move(*pending)});
}

void link_bridge::set_reader(protocol::reader_health reader) {
  if (reader == reader_) return;
  reader_ = reader;
  refresh_hello();
  send_status();
}

void link_bridge::set_door(protocol::door_position door) {
  if (door == door_) return;
  door_ = door;
  refresh_hello();
  send_status();
}

std::optional<link_bridge::steady_time> link_bridge::next_deadline() const {
  if (!connected_ || in_flight_.empty()) return std::nullopt;
  return sent_at_ + resend_after_;
}

void link_bridge::refresh_hello() {
  client_.set_hello({controller_id_, lists_.epoch(), lists_.sequence(), 0, reader_, door_});
}

void link_bridge::send(const protocol::stream_message& message) {
  if (connected_) client_.send(protocol::serialize(message));
}

void link_bridge::send_status() {
  const auto now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(clock_.system_now().time_since_epoch())
          .count();
  send(protocol::status_message{reader_, door_, now_ms});
}

}  // namespace hubgate::door
