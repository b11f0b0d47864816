// The daemon's side of the live link, run on the storage (door loop) thread: list messages
// are verified, persisted, applied and acknowledged; queued events are uploaded in batches and
// deleted only once the service acknowledged their durable commit; reader and door changes
// are reported as status.
#pragma once
#include <chrono>
#include <optional>
#include <set>
#include <string>

#include "door_controller/cache/local_store.hpp"
#include "door_controller/daemon/clock.hpp"
#include "door_controller/daemon/list_keeper.hpp"
#include "door_controller/link/link_client.hpp"
#include "protocol/stream_message.hpp"

namespace hubgate::door {

class link_bridge {
 public:
  using steady_time = std::chrono::steady_clock::time_point;

  link_bridge(link_client& client, local_store& store, list_keeper& lists, const clock& clock,
              std::string controller_id, std::chrono::milliseconds resend_after);

  void on_input(const link_input& input);
  // Sends the next event batch when connected and nothing is awaiting its ack.
  void pump();
  void set_reader(protocol::reader_health reader);
  void set_door(protocol::door_position door);
  // When an unacknowledged batch is due to be sent again.
  std::optional<steady_time> next_deadline() const;

 private:
  void on_message(const std::string& text);
  void on_list(const protocol::signed_envelope& message);
  void on_events_ack(const protocol::events_ack_message& ack);
  void refresh_hello();
  void send(const protocol::stream_message& message);
  void send_status();

  link_client& client_;
  local_store& store_;
  list_keeper& lists_;
  const clock& clock_;
  std::string controller_id_;
  std::chrono::milliseconds resend_after_;

  bool connected_ = false;
  std::string last_down_reason_;
  std::set<std::string> in_flight_;  // ids of the batch awaiting events_ack
  steady_time sent_at_{};
  protocol::reader_health reader_ = protocol::reader_health::ok;
  protocol::door_position door_ = protocol::door_position::unknown;
};

}  // namespace hubgate::door
