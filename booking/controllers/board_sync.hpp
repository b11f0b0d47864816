// What one board holds and what it must be sent next: epochs, sequence numbers, acks and
// the list last sent, so that after every change a board gets exactly one delta (or, when it
// is new, out of step or asked, a snapshot that opens a new epoch). Pure: no I/O, no clock.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <utility>

#include "protocol/access_list.hpp"
#include "protocol/envelope.hpp"

namespace hubgate::controllers {

class board_sync {
 public:
  explicit board_sync(std::string controller_id, std::uint64_t stored_epoch = 0);

  // A (re)connected board announced the list it holds. If that is what this service last
  // had acknowledged in the current epoch (or a message in flight it evidently got), the
  // board continues with deltas; otherwise the next message is a snapshot.
  void on_hello(std::uint64_t epoch, std::uint64_t sequence);
  // The board verified and persisted messages up to `sequence`. Stale or unknown acks are
  // ignored (false).
  bool on_ack(std::uint64_t epoch, std::uint64_t sequence);
  // The board refused a message or found its store tampered with: snapshot next.
  void on_resync();
  void on_disconnect();

  // The message that brings the board from what it was sent to `current`, unsigned; nullopt
  // when nothing is to be sent (not connected, no hello yet, no change). A snapshot takes a
  // new epoch from `open_epoch` (which persists it); nullopt from it means "try later".
  // A payload the board would refuse as too large is not sent (nothing changes, so the board
  // keeps what it holds) and is reported by oversized_payload() until a later one fits.
  std::optional<protocol::envelope> next(
      const protocol::access_list& current,
      const std::function<std::optional<std::uint64_t>()>& open_epoch, std::int64_t now_unix);

  const std::string& controller_id() const noexcept { return id_; }
  std::uint64_t epoch() const noexcept { return epoch_; }
  std::uint64_t sent_sequence() const noexcept { return sent_sequence_; }
  std::uint64_t acked_sequence() const noexcept { return acked_sequence_; }
  bool ready() const noexcept { return connected_; }
  bool wants_snapshot() const noexcept { return need_snapshot_; }
  // The size of the last payload withheld as too large; 0 once one fits again.
  std::size_t oversized_payload() const noexcept { return oversized_; }

  // Room left for the envelope's own fields and signature within protocol::max_envelope_bytes.
  static constexpr std::size_t max_payload_bytes = protocol::max_envelope_bytes - 4096;

 private:
  std::string id_;
  std::uint64_t epoch_ = 0;
  std::uint64_t sent_sequence_ = 0;
  std::uint64_t acked_sequence_ = 0;
  bool connected_ = false;
  bool need_snapshot_ = true;
  std::size_t oversized_ = 0;
  // The list the board holds once it has applied everything sent, and the lists of messages
  // not yet acknowledged (sequence -> list after it), and the list at acked_sequence_.
  protocol::access_list sent_;
  std::deque<std::pair<std::uint64_t, protocol::access_list>> in_flight_;
  std::optional<protocol::access_list> acked_;
};

}  // namespace hubgate::controllers
