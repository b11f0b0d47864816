// PN532 UART framing (NXP PN532 user manual, section 6.2): turns the byte stream a host writes
// into frames and encodes the chip's answers. Pure: no I/O, no clock; fuzzed and unit-tested.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <span>
#include <vector>

namespace hubgate::sim {

using bytes = std::vector<std::uint8_t>;

enum class frame_kind {
  ack,             // 00 00 FF 00 FF 00: from the host it aborts the running command
  nack,            // 00 00 FF FF 00 00: from the host it asks for the last answer again
  information,     // normal or extended frame; payload is TFI followed by the data
  error,           // 00 00 FF 01 FF 7F 81 00: application-level (syntax) error
  checksum_error,  // a frame whose LCS or DCS did not add up (payload empty)
};

struct frame {
  frame_kind kind = frame_kind::information;
  bytes payload;  // TFI + PD0..PDn for information frames
  bool extended = false;
  bool operator==(const frame&) const = default;
};

// The largest TFI+data a PN532 accepts in one frame (extended frames carry up to 264 data
// bytes plus TFI); longer length fields are treated as line noise.
inline constexpr std::size_t max_frame_payload = 265;

// Incremental decoder: feed bytes as they arrive, take frames out. Bytes that cannot start a
// frame (the 0x55 wake-up preamble, idle zeros, garbage) are skipped and counted.
class frame_decoder {
 public:
  void feed(std::span<const std::uint8_t> data);
  std::optional<frame> next();
  std::size_t skipped_bytes() const { return skipped_; }
  std::size_t buffered_bytes() const { return buffer_.size(); }
  void reset() { buffer_.clear(); }

 private:
  enum class parse_result { need_more, produced, resync };
  parse_result try_parse(frame& out);
  void drop_front(std::size_t n, bool count_as_skipped);

  std::deque<std::uint8_t> buffer_;
  std::size_t skipped_ = 0;
};

// Decodes every complete frame in `data` (convenience for tests and the fuzzer).
std::vector<frame> decode_all(std::span<const std::uint8_t> data);

// LEN+LCS and TFI..DCS checksums: the byte that makes the sum zero modulo 256.
std::uint8_t checksum_of(std::span<const std::uint8_t> data);

bytes encode_ack();
bytes encode_nack();
bytes encode_error_frame();
// Normal frame up to 255 bytes of TFI+data, extended frame above that.
bytes encode_information(std::span<const std::uint8_t> tfi_and_data);

}  // namespace hubgate::sim
