// The DESFire card's pure cryptography against published vectors: NIST SP 800-38B (CMAC),
// SP 800-38A (CBC), the CRC32 check value, and the EV1 session key layout.
#include "hardware/sim/desfire_crypto.hpp"

#include <gtest/gtest.h>

#include "hardware/sim/virtual_card.hpp"

namespace hubgate::sim::desfire {
namespace {

bytes hex(std::string_view text) {
  return parse_hex(text).value();
}

template <std::size_t n>
std::array<std::uint8_t, n> fixed(std::string_view text) {
  const bytes b = hex(text);
  std::array<std::uint8_t, n> out{};
  std::copy_n(b.begin(), n, out.begin());
  return out;
}

const aes_key nist_key = fixed<16>("2B7E151628AED2A6ABF7158809CF4F3C");
const bytes nist_message =
    hex("6BC1BEE22E409F96E93D7E117393172AAE2D8A571E03AC9C9EB76FAC45AF8E51"
        "30C81C46A35CE411E5FBC1191A0A52EFF69F2445DF4F9B17AD2B417BE66C3710");

std::string mac_hex(std::span<const std::uint8_t> message, block iv = {}) {
  return to_hex(cmac(nist_key, iv, message));
}

TEST(desfire_crypto, cmac_matches_sp800_38b_aes128_examples) {
  // Example 1 (the empty message) does not apply: the card never MACs nothing.
  EXPECT_EQ(mac_hex(std::span(nist_message).first(16)), "070A16B46B4D4144F79BDD9DD04A287C");
  EXPECT_EQ(mac_hex(std::span(nist_message).first(40)), "DFA66747DE9AE63030CA32611497C827");
  EXPECT_EQ(mac_hex(nist_message), "51F0BEBF7E3B9D92FC49741779363CFE");
}

TEST(desfire_crypto, cmac_continues_from_the_session_iv) {
  // The CBC state after the first block, used as IV for the rest, gives the whole MAC.
  block iv{};
  (void)cbc_encrypt(nist_key, iv, std::span(nist_message).first(16));
  block running = iv;
  EXPECT_EQ(to_hex(cmac(nist_key, running, std::span(nist_message).subspan(16))),
            "51F0BEBF7E3B9D92FC49741779363CFE");
  // The IV ends as the MAC, ready for the next message.
  EXPECT_EQ(to_hex(running), "51F0BEBF7E3B9D92FC49741779363CFE");
  // A partial last block takes the second subkey from a non-zero IV too.
  block again = iv;
  EXPECT_EQ(to_hex(cmac(nist_key, again, std::span(nist_message).subspan(16, 24))),
            "DFA66747DE9AE63030CA32611497C827");
}

TEST(desfire_crypto, cbc_matches_sp800_38a_and_chains_the_iv) {
  block iv = fixed<16>("000102030405060708090A0B0C0D0E0F");
  const block start = iv;
  const bytes cipher = cbc_encrypt(nist_key, iv, std::span(nist_message).first(32));
  EXPECT_EQ(to_hex(cipher), "7649ABAC8119B246CEE98E9B12E9197D5086CB9B507219EE95DB113A917678B2");
  EXPECT_EQ(to_hex(iv), "5086CB9B507219EE95DB113A917678B2");
  // Two calls with the carried IV are one call over both blocks.
  block step = start;
  bytes split = cbc_encrypt(nist_key, step, std::span(nist_message).first(16));
  const bytes second = cbc_encrypt(nist_key, step, std::span(nist_message).subspan(16, 16));
  split.insert(split.end(), second.begin(), second.end());
  EXPECT_EQ(split, cipher);
  block back = start;
  EXPECT_EQ(cbc_decrypt(nist_key, back, cipher),
            bytes(nist_message.begin(), nist_message.begin() + 32));
  EXPECT_EQ(back, iv);
}

TEST(desfire_crypto, cbc_ignores_a_partial_block) {
  block iv{};
  EXPECT_EQ(cbc_encrypt(nist_key, iv, std::span(nist_message).first(20)).size(), 16u);
  block other{};
  EXPECT_TRUE(cbc_decrypt(nist_key, other, std::span(nist_message).first(7)).empty());
  EXPECT_EQ(other, block{});
}

TEST(desfire_crypto, crc32_is_the_ieee_crc_without_final_inversion) {
  const std::string check = "123456789";
  const bytes data(check.begin(), check.end());
  // The IEEE CRC32 check value is CBF43926; DESFire keeps the register uninverted.
  EXPECT_EQ(crc32(data), 0xCBF43926U ^ 0xFFFFFFFFU);
  EXPECT_EQ(crc32({}), 0xFFFFFFFFU);
  bytes out{0xAA};
  append_crc32(out, data);
  EXPECT_EQ(out, (bytes{0xAA, 0xD9, 0xC6, 0x0B, 0x34}));
}

TEST(desfire_crypto, session_key_takes_the_outer_quarters_of_both_challenges) {
  const block rnd_a = fixed<16>("000102030405060708090A0B0C0D0E0F");
  const block rnd_b = fixed<16>("101112131415161718191A1B1C1D1E1F");
  EXPECT_EQ(to_hex(session_key(rnd_a, rnd_b)), "00010203101112130C0D0E0F1C1D1E1F");
  EXPECT_EQ(to_hex(rotate_left(rnd_a)), "0102030405060708090A0B0C0D0E0F00");
}

TEST(desfire_crypto, random_blocks_differ) {
  EXPECT_NE(random_block(), random_block());
}

}  // namespace
}  // namespace hubgate::sim::desfire
