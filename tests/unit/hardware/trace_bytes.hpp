// Parses "00 00 FF 03 ..." as written in the libnfc 1.8 pn532_uart reference traces.
#pragma once
#include <sstream>
#include <string>

#include "hardware/sim/frame_codec.hpp"

namespace hubgate::sim::test {

inline bytes hex_bytes(const std::string& text) {
  std::istringstream in(text);
  bytes out;
  std::string word;
  while (in >> word) out.push_back(static_cast<std::uint8_t>(std::stoul(word, nullptr, 16)));
  return out;
}

}  // namespace hubgate::sim::test
