// Fuzzes the PN532 emulator's input side: arbitrary host bytes through the frame decoder into
// the chip model (with a card in the field), in chunks, with time moving on between them.
#include <cstddef>
#include <cstdint>
#include <memory>

#include "hardware/sim/frame_codec.hpp"
#include "hardware/sim/pn532_link.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace hubgate::sim;
  const std::span<const std::uint8_t> input(data, size);
  (void)decode_all(input);

  pn532_chip chip;
  if (size > 0 && (data[0] & 1)) {
    chip.place_card(
        make_iso_dep_card({0x04, 1, 2, 3, 4, 5, 6}, std::make_shared<select_ok_handler>()));
  } else {
    chip.place_card(make_card({0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6}));
  }
  pn532_link link(chip);
  auto now = sim_clock::time_point{} + std::chrono::hours(1);
  std::size_t pos = 0;
  while (pos < size) {
    // The first byte of each chunk picks its length, so splits land mid-frame too.
    const std::size_t chunk = std::min<std::size_t>(size - pos, 1 + data[pos] % 64);
    link.on_bytes(input.subspan(pos, chunk), now);
    now += std::chrono::milliseconds(data[pos] % 20);
    link.on_tick(now);
    const bytes out = link.take_output();
    // Everything the chip writes must itself decode as well-formed frames.
    for (const frame& f : decode_all(out)) {
      if (f.kind == frame_kind::checksum_error) __builtin_trap();
    }
    if (data[pos] == 0xA5) chip.remove_card();
    pos += chunk;
  }
  return 0;
}
