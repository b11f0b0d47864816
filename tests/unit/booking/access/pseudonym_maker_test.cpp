// The prepared-key pseudonym maker gives exactly protocol::make_pseudonym's bytes.
#include "booking/access/pseudonym_maker.hpp"

#include <gtest/gtest.h>

#include <random>

namespace hubgate::access {
namespace {

std::vector<std::uint8_t> random_bytes(std::mt19937& rng, std::size_t n) {
  std::vector<std::uint8_t> v(n);
  for (auto& b : v) b = static_cast<std::uint8_t>(rng());
  return v;
}

TEST(pseudonym_maker, matches_the_protocol_for_many_keys_and_cards) {
  std::mt19937 rng(11);
  for (std::size_t key_len : {1u, 16u, 32u, 64u, 65u, 200u}) {
    auto key = random_bytes(rng, key_len);
    pseudonym_maker make(key);
    for (std::size_t card_len : {1u, 4u, 7u, 10u, 16u, 64u}) {
      for (int i = 0; i < 20; ++i) {
        auto card = random_bytes(rng, card_len);
        ASSERT_EQ(make(card), protocol::make_pseudonym(key, card))
            << "key " << key_len << " card " << card_len;
      }
    }
  }
}

TEST(pseudonym_maker, empty_inputs_follow_the_protocol_too) {
  std::vector<std::uint8_t> none, card{0x04, 0xa1};
  pseudonym_maker empty_key(none);
  EXPECT_EQ(empty_key(card), protocol::make_pseudonym(none, card));
  std::vector<std::uint8_t> key(32, 9);
  pseudonym_maker make(key);
  EXPECT_EQ(make(none), protocol::make_pseudonym(key, none));
  EXPECT_NE(make(card), protocol::make_pseudonym(none, card));
}

TEST(pseudonym_maker, survives_a_move) {
  std::vector<std::uint8_t> key(32, 5), card{1, 2, 3, 4};
  pseudonym_maker a(key);
  auto first = a(card);
  pseudonym_maker b(std::move(a));
  EXPECT_EQ(b(card), first);
}

}  // namespace
}  // namespace hubgate::access
