// The serial-line side of the emulated PN532: bytes from the host go through the frame codec
// into the chip model, answers come back as ACK + response frames; injected faults (garbled
// checksums, NACKs, silence) live here. Pure: the caller moves bytes and passes the time.
#pragma once
#include <cstdint>
#include <optional>
#include <span>

#include "hardware/sim/frame_codec.hpp"
#include "hardware/sim/pn532_chip.hpp"

namespace hubgate::sim {

struct link_faults {
  unsigned garble = 0;  // corrupt the DCS of the next n response frames
  unsigned nack = 0;    // answer the next n commands with NACK instead of executing them
  unsigned mute = 0;    // ignore the next n commands
};

class pn532_link {
 public:
  explicit pn532_link(pn532_chip& chip) : chip_(chip) {}

  // Bytes the host wrote; answers that are due at once are queued for take_output.
  void on_bytes(std::span<const std::uint8_t> data, sim_clock::time_point now);
  // Lets the chip finish commands that have come due.
  void on_tick(sim_clock::time_point now);
  std::optional<sim_clock::time_point> next_wakeup(sim_clock::time_point now) const {
    return chip_.next_wakeup(now);
  }
  bytes take_output();
  bool has_output() const { return !output_.empty(); }

  link_faults& faults() { return faults_; }
  // Forgets partial input and the command in flight (reader unplugged or replugged).
  void reset();
  std::size_t skipped_bytes() const { return decoder_.skipped_bytes(); }

 private:
  void handle(const frame& f, sim_clock::time_point now);
  void send_reply(const chip_reply& reply);

  pn532_chip& chip_;
  frame_decoder decoder_;
  link_faults faults_;
  bytes last_response_;
  bytes output_;
};

}  // namespace hubgate::sim
