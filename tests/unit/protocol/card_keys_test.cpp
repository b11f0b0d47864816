// AN10922 AES-128 key diversification: NXP's own example, and the input lengths it allows.
#include "protocol/card_keys.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "protocol/hex.hpp"

namespace hubgate::protocol {
namespace {

aes128_key key_of(std::string_view hex) {
  aes128_key k{};
  EXPECT_TRUE(from_hex(hex, k)) << hex;
  return k;
}

std::vector<std::uint8_t> bytes_of(std::string_view hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  EXPECT_TRUE(from_hex(hex, out)) << hex;
  return out;
}

// AN10922 §2.2.1: master key, UID 04782E21801D80, AID 3042F5, system identifier "NXP Abu".
TEST(card_keys, nxps_aes128_example_gives_its_diversified_key) {
  const auto master = key_of("00112233445566778899AABBCCDDEEFF");
  const auto m = bytes_of(
      "04782E21801D80"
      "3042F5"
      "4E585020416275");
  auto k = diversify_an10922(master, m);
  ASSERT_TRUE(k);
  EXPECT_EQ(*k, key_of("A8DD63A3B89D54B37CA802473FDA9175"));
}

TEST(card_keys, another_card_or_site_gets_another_key) {
  const auto master = key_of("00112233445566778899AABBCCDDEEFF");
  const auto a = diversify_an10922(master, bytes_of("04782E21801D80"
                                                    "3042F5"
                                                    "4E585020416275"));
  const auto b = diversify_an10922(master, bytes_of("04782E21801D81"
                                                    "3042F5"
                                                    "4E585020416275"));
  const auto c =
      diversify_an10922(key_of("00112233445566778899AABBCCDDEEFE"), bytes_of("04782E21801D80"
                                                                             "3042F5"
                                                                             "4E585020416275"));
  ASSERT_TRUE(a && b && c);
  EXPECT_NE(*a, *b);
  EXPECT_NE(*a, *c);
}

TEST(card_keys, input_outside_16_to_31_bytes_is_refused) {
  const aes128_key master{};
  EXPECT_EQ(diversify_an10922(master, std::vector<std::uint8_t>(15)).error(),
            make_error_code(errc::bad_field));
  EXPECT_EQ(diversify_an10922(master, std::vector<std::uint8_t>(32)).error(),
            make_error_code(errc::bad_field));
  EXPECT_TRUE(diversify_an10922(master, std::vector<std::uint8_t>(16)));
  EXPECT_TRUE(diversify_an10922(master, std::vector<std::uint8_t>(31)));
}

}  // namespace
}  // namespace hubgate::protocol
