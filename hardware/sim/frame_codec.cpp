#include "hardware/sim/frame_codec.hpp"

#include <algorithm>

namespace hubgate::sim {

std::uint8_t checksum_of(std::span<const std::uint8_t> data) {
  std::uint8_t sum = 0;
  for (std::uint8_t b : data) sum = static_cast<std::uint8_t>(sum + b);
  return static_cast<std::uint8_t>(0x100 - sum);
}

bytes encode_ack() {
  return {0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00};
}
bytes encode_nack() {
  return {0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00};
}
bytes encode_error_frame() {
  return {0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00};
}

bytes encode_information(std::span<const std::uint8_t> tfi_and_data) {
  bytes out{0x00, 0x00, 0xFF};
  const std::size_t len = tfi_and_data.size();
  if (len <= 0xFF) {
    const auto l = static_cast<std::uint8_t>(len);
    out.push_back(l);
    out.push_back(static_cast<std::uint8_t>(0x100 - l));
  } else {
    const auto hi = static_cast<std::uint8_t>(len >> 8);
    const auto lo = static_cast<std::uint8_t>(len & 0xFF);
    const std::uint8_t lens[] = {hi, lo};
    out.insert(out.end(), {0xFF, 0xFF, hi, lo, checksum_of(lens)});
  }
  out.insert(out.end(), tfi_and_data.begin(), tfi_and_data.end());
  out.push_back(checksum_of(tfi_and_data));
  out.push_back(0x00);
  return out;
}

void frame_decoder::feed(std::span<const std::uint8_t> data) {
  buffer_.insert(buffer_.end(), data.begin(), data.end());
}

void frame_decoder::drop_front(std::size_t n, bool count_as_skipped) {
  n = std::min(n, buffer_.size());
  buffer_.erase(buffer_.begin(), buffer_.begin() + static_cast<std::ptrdiff_t>(n));
  if (count_as_skipped) skipped_ += n;
}

std::optional<frame> frame_decoder::next() {
  for (;;) {
    // The start code 00 FF is what anchors a frame; everything before it is noise.
    std::size_t start = 0;
    while (start + 1 < buffer_.size() && !(buffer_[start] == 0x00 && buffer_[start + 1] == 0xFF))
      ++start;
    if (start + 1 >= buffer_.size()) {
      // Keep a trailing 00 that may be the first half of a start code.
      const bool keep_last = !buffer_.empty() && buffer_.back() == 0x00;
      drop_front(buffer_.size() - (keep_last ? 1 : 0), true);
      return std::nullopt;
    }
    drop_front(start, true);
    frame out;
    switch (try_parse(out)) {
      case parse_result::need_more:
        return std::nullopt;
      case parse_result::produced:
        return out;
      case parse_result::resync:
        // Skip this start code's 00 and look for the next one; report damaged frames.
        drop_front(1, true);
        if (out.kind == frame_kind::checksum_error) return out;
        break;
    }
  }
}

// buffer_ starts with 00 FF here.
frame_decoder::parse_result frame_decoder::try_parse(frame& out) {
  const auto& b = buffer_;
  if (b.size() < 4) return parse_result::need_more;
  const std::uint8_t len = b[2];
  const std::uint8_t lcs = b[3];
  if (len == 0x00 && lcs == 0xFF) {
    out.kind = frame_kind::ack;
    drop_front(4, false);
    return parse_result::produced;
  }
  if (len == 0xFF && lcs == 0x00) {
    out.kind = frame_kind::nack;
    drop_front(4, false);
    return parse_result::produced;
  }
  if (len == 0x01 && lcs == 0xFF) {
    if (b.size() < 6) return parse_result::need_more;
    if (b[4] != 0x7F || b[5] != 0x81) return parse_result::resync;
    out.kind = frame_kind::error;
    drop_front(6, false);
    return parse_result::produced;
  }
  std::size_t payload_len = 0;
  std::size_t header = 0;
  if (len == 0xFF && lcs == 0xFF) {
    if (b.size() < 7) return parse_result::need_more;
    const std::uint8_t lens[] = {b[4], b[5], b[6]};
    if (checksum_of(std::span(lens, 2)) != lens[2]) {
      out.kind = frame_kind::checksum_error;
      return parse_result::resync;
    }
    payload_len = (std::size_t{b[4]} << 8) | b[5];
    header = 7;
    out.extended = true;
  } else {
    if (static_cast<std::uint8_t>(len + lcs) != 0) {
      out.kind = frame_kind::checksum_error;
      return parse_result::resync;
    }
    payload_len = len;
    header = 4;
  }
  if (payload_len == 0 || payload_len > max_frame_payload) {
    out.kind = frame_kind::checksum_error;
    return parse_result::resync;
  }
  if (b.size() < header + payload_len + 1) return parse_result::need_more;
  bytes payload(b.begin() + static_cast<std::ptrdiff_t>(header),
                b.begin() + static_cast<std::ptrdiff_t>(header + payload_len));
  const std::uint8_t dcs = b[header + payload_len];
  if (checksum_of(payload) != dcs) {
    out = frame{};
    out.kind = frame_kind::checksum_error;
    return parse_result::resync;
  }
  out.kind = frame_kind::information;
  out.payload = std::move(payload);
  // The postamble (00) is left in the buffer: it is skipped as idle line like any other zero.
  drop_front(header + payload_len + 1, false);
  return parse_result::produced;
}

std::vector<frame> decode_all(std::span<const std::uint8_t> data) {
  frame_decoder decoder;
  decoder.feed(data);
  std::vector<frame> frames;
  while (auto f = decoder.next()) frames.push_back(std::move(*f));
  return frames;
}

}  // namespace hubgate::sim
