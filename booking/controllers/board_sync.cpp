#include "booking/controllers/board_sync.hpp"

#include <boost/json/serialize.hpp>

#include "booking/access/list_diff.hpp"
#include "protocol/access_list_json.hpp"

namespace hubgate::controllers {

board_sync::board_sync(std::string controller_id, std::uint64_t stored_epoch)
    : id_(std::move(controller_id)), epoch_(stored_epoch) {}

void board_sync::on_hello(std::uint64_t epoch, std::uint64_t sequence) {
  connected_ = true;
  need_snapshot_ = true;
  if (epoch == 0 || epoch != epoch_) return;
  // The ack of a message may have been lost with the connection: the board's own sequence
  // tells which list it holds, as long as we still remember it.
  while (!in_flight_.empty() && in_flight_.front().first <= sequence) {
    acked_sequence_ = in_flight_.front().first;
    acked_ = std::move(in_flight_.front().second);
    in_flight_.pop_front();
  }
  if (sequence != acked_sequence_ || !acked_) return;
  sent_ = *acked_;
  sent_sequence_ = acked_sequence_;
  in_flight_.clear();
  need_snapshot_ = false;
}

bool board_sync::on_ack(std::uint64_t epoch, std::uint64_t sequence) {
  if (epoch != epoch_ || sequence <= acked_sequence_ || sequence > sent_sequence_) return false;
  while (!in_flight_.empty() && in_flight_.front().first <= sequence) {
    acked_ = std::move(in_flight_.front().second);
    in_flight_.pop_front();
  }
  acked_sequence_ = sequence;
  return true;
}

void board_sync::on_resync() {
  need_snapshot_ = true;
}

void board_sync::on_disconnect() {
  connected_ = false;
}

std::optional<protocol::envelope> board_sync::next(
    const protocol::access_list& current,
    const std::function<std::optional<std::uint64_t>()>& open_epoch, std::int64_t now_unix) {
  if (!connected_) return std::nullopt;
  protocol::envelope e;
  e.controller_id = id_;
  e.issued_at = now_unix;
  // The payload is built before any state moves, so a withheld one leaves the board in step.
  auto fits = [&](std::string payload) {
    oversized_ = payload.size() > max_payload_bytes ? payload.size() : 0;
    if (oversized_ == 0) e.payload = std::move(payload);
    return oversized_ == 0;
  };
  if (need_snapshot_) {
    if (!fits(boost::json::serialize(protocol::to_json(current)))) return std::nullopt;
    auto epoch = open_epoch();
    if (!epoch) return std::nullopt;
    epoch_ = *epoch;
    sent_sequence_ = 1;
    acked_sequence_ = 0;
    acked_.reset();
    in_flight_.clear();
    sent_ = current;
    in_flight_.emplace_back(sent_sequence_, current);
    need_snapshot_ = false;
    e.type = std::string(protocol::envelope_type::snapshot);
  } else {
    auto delta = access::diff_access_lists(sent_, current);
    if (access::empty(delta)) {
      oversized_ = 0;
      return std::nullopt;
    }
    if (!fits(boost::json::serialize(protocol::to_json(delta)))) return std::nullopt;
    ++sent_sequence_;
    sent_ = current;
    in_flight_.emplace_back(sent_sequence_, current);
    e.type = std::string(protocol::envelope_type::delta);
  }
  e.epoch = epoch_;
  e.sequence = sent_sequence_;
  return e;
}

}  // namespace hubgate::controllers
