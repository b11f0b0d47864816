// Fuzzes the virtual DESFire card's command parser: arbitrary frames, native or ISO-wrapped,
// against a blank card or one with an application, its files and an authenticated session,
// so the secure-messaging paths (CMAC, CRC32, AES-CBC) see malformed input too.
#include "hardware/sim/desfire_card.hpp"

#include <cstddef>
#include <cstdint>

namespace {

using namespace hubgate::sim;

bytes send(desfire_card& card, bytes frame) {
  bytes reply = card.transceive(frame);
  // Every frame gets an answer, and none is longer than a reader's buffer.
  if (reply.empty() || reply.size() > 64) __builtin_trap();
  return reply;
}

// The reader's half of AES authentication with the zero key.
void authenticate(desfire_card& card, std::uint8_t key_no) {
  const bytes challenge = send(card, {0xAA, key_no});
  if (challenge.size() != 17) return;
  desfire::aes_key key{};
  desfire::block iv{};
  bytes token = desfire::cbc_decrypt(key, iv, std::span(challenge).subspan(1));
  desfire::block rnd_b{};
  std::copy_n(token.begin(), 16, rnd_b.begin());
  token.assign(16, 0x5A);  // RndA
  const desfire::block rotated = desfire::rotate_left(rnd_b);
  token.insert(token.end(), rotated.begin(), rotated.end());
  bytes frame{0xAF};
  const bytes cipher = desfire::cbc_encrypt(key, iv, token);
  frame.insert(frame.end(), cipher.begin(), cipher.end());
  send(card, frame);
}

}  // namespace

// NOLINTNEXTLINE(readability-identifier-naming): libFuzzer's entry point
extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  desfire_card card({0x04, 1, 2, 3, 4, 5, 6});
  const std::uint8_t setup = data[0];
  if (setup & 0x02) {
    send(card, {0xCA, 0x03, 0x02, 0x01, 0x0F, 0x83});  // application 010203, 3 AES keys
    send(card, {0x5A, 0x03, 0x02, 0x01});
    for (std::uint8_t mode : {0x00, 0x01, 0x03})
      send(card, {0xCD, static_cast<std::uint8_t>(mode + 1), mode, 0x00, 0x00, 0x40, 0x00, 0x00});
  }
  if (setup & 0x01) authenticate(card, 0);
  // Then frames of [length][bytes]; a length of FF activates the card again instead.
  std::size_t pos = 1;
  while (pos < size) {
    const std::size_t n = data[pos++];
    if (n == 0xFF) {
      card.activate();
      continue;
    }
    const std::size_t take = std::min(n, size - pos);
    send(card, bytes(data + pos, data + pos + take));
    pos += take;
  }
  return 0;
}
