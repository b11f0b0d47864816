#include "hardware/sim/pn532_link.hpp"

namespace hubgate::sim {

void pn532_link::on_bytes(std::span<const std::uint8_t> data, sim_clock::time_point now) {
  decoder_.feed(data);
  while (auto f = decoder_.next()) handle(*f, now);
  on_tick(now);
}

void pn532_link::handle(const frame& f, sim_clock::time_point now) {
  switch (f.kind) {
    case frame_kind::ack:
      chip_.abort();  // the host gives up on the running command
      return;
    case frame_kind::nack:
      // The host missed our answer: send the last one again, unchanged.
      if (!last_response_.empty())
        output_.insert(output_.end(), last_response_.begin(), last_response_.end());
      return;
    case frame_kind::error:
      return;  // only the chip sends error frames; from the host it means nothing
    case frame_kind::checksum_error: {
      const bytes nack = encode_nack();
      output_.insert(output_.end(), nack.begin(), nack.end());
      return;
    }
    case frame_kind::information:
      break;
  }
  if (faults_.mute > 0) {
    --faults_.mute;
    return;
  }
  if (faults_.nack > 0) {
    --faults_.nack;
    const bytes nack = encode_nack();
    output_.insert(output_.end(), nack.begin(), nack.end());
    return;
  }
  const bytes ack = encode_ack();
  output_.insert(output_.end(), ack.begin(), ack.end());
  chip_.execute(f.payload, now);
}

void pn532_link::on_tick(sim_clock::time_point now) {
  while (auto reply = chip_.take_reply(now)) send_reply(*reply);
}

void pn532_link::send_reply(const chip_reply& reply) {
  bytes out = reply.error_frame ? encode_error_frame() : encode_information(reply.payload);
  last_response_ = out;
  if (faults_.garble > 0) {
    --faults_.garble;
    out[out.size() - 2] ^= 0x5A;  // the DCS (the error frame's too) no longer adds up
  }
  output_.insert(output_.end(), out.begin(), out.end());
}

bytes pn532_link::take_output() {
  bytes out;
  out.swap(output_);
  return out;
}

void pn532_link::reset() {
  decoder_.reset();
  chip_.abort();
  output_.clear();
  last_response_.clear();
}

}  // namespace hubgate::sim
