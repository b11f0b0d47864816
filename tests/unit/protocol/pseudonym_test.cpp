#include "protocol/pseudonym.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "protocol/hex.hpp"

namespace hubgate::protocol {
namespace {

std::vector<std::uint8_t> bytes(std::string_view hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  EXPECT_TRUE(from_hex(hex, out));
  return out;
}

std::vector<std::uint8_t> text(std::string_view s) {
  return {s.begin(), s.end()};
}

// Expected values computed once with the openssl CLI, e.g.
//   printf '04a22b9c5d8081' | xxd -r -p | openssl dgst -sha256 -mac HMAC -macopt hexkey:0001..1f
// and truncated to the first 16 bytes.
TEST(pseudonym, matches_hmac_sha256_truncated_to_16_bytes) {
  const auto key = bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  const auto uid = bytes("04a22b9c5d8081");
  EXPECT_EQ(to_hex(make_pseudonym(key, uid)), "fed609db60624a28cbe04eb14f24a1c9");
}

TEST(pseudonym, matches_openssl_for_a_text_key) {
  EXPECT_EQ(to_hex(make_pseudonym(text("Jefe"), text("abc"))), "7cf4ec4f741f51cb0d887013c46251d6");
}

TEST(pseudonym, empty_key_and_card_are_standard_hmac) {
  EXPECT_EQ(to_hex(make_pseudonym({}, {})), "b613679a0814d9ec772f95d778c35fc5");
}

TEST(pseudonym, differs_per_key_and_per_card) {
  const auto key_a = text("key-a"), key_b = text("key-b");
  const auto card_1 = text("card-1"), card_2 = text("card-2");
  EXPECT_NE(make_pseudonym(key_a, card_1), make_pseudonym(key_b, card_1));
  EXPECT_NE(make_pseudonym(key_a, card_1), make_pseudonym(key_a, card_2));
  EXPECT_EQ(make_pseudonym(key_a, card_1), make_pseudonym(key_a, card_1));
}

TEST(pseudonym, hex_round_trip_and_refusals) {
  const auto p = make_pseudonym(text("k"), text("c"));
  auto back = parse_pseudonym(to_hex(p));
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, p);

  std::string upper = to_hex(p);
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto from_upper = parse_pseudonym(upper);
  ASSERT_TRUE(from_upper);
  EXPECT_EQ(*from_upper, p);

  EXPECT_EQ(parse_pseudonym("").error(), errc::bad_hex);
  EXPECT_EQ(parse_pseudonym(to_hex(p).substr(2)).error(), errc::bad_hex);
  EXPECT_EQ(parse_pseudonym(to_hex(p) + "00").error(), errc::bad_hex);
  EXPECT_EQ(parse_pseudonym("zz" + to_hex(p).substr(2)).error(), errc::bad_hex);
}

}  // namespace
}  // namespace hubgate::protocol
