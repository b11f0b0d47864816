// The card key's two uses: a digest that finds a card again, and a seal that only this key
// opens and that refuses any change.
#include "booking/store/card_cipher.hpp"

#include <gtest/gtest.h>

namespace hubgate::store {
namespace {

card_key key_of(std::uint8_t fill) {
  card_key k{};
  k.fill(fill);
  return k;
}

const card_cipher cipher{key_of(7)};
constexpr std::string_view uid = "04A1B2C3D4E5F6";

TEST(card_cipher, the_digest_is_the_same_for_the_same_uid_and_key_only) {
  auto a = cipher.digest(uid);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->size(), 64u);
  EXPECT_EQ(a, cipher.digest(uid));
  EXPECT_NE(a, cipher.digest("04A1B2C3D4E5F7"));
  EXPECT_NE(a, card_cipher(key_of(8)).digest(uid));
  EXPECT_EQ(a->find(uid), std::string::npos);
}

TEST(card_cipher, a_sealed_uid_opens_again_and_never_shows_in_clear) {
  auto sealed = cipher.seal(uid);
  ASSERT_TRUE(sealed);
  EXPECT_EQ(sealed->find(uid), std::string::npos);
  EXPECT_EQ(cipher.unseal(*sealed), std::string(uid));
}

TEST(card_cipher, each_seal_uses_a_fresh_nonce) {
  EXPECT_NE(cipher.seal(uid), cipher.seal(uid));
}

TEST(card_cipher, a_changed_seal_is_refused) {
  auto sealed = *cipher.seal(uid);
  for (std::size_t at : {std::size_t{0}, sealed.size() / 2, sealed.size() - 1}) {
    auto tampered = sealed;
    tampered[at] = tampered[at] == '0' ? '1' : '0';
    EXPECT_FALSE(cipher.unseal(tampered)) << "changed at " << at;
  }
  EXPECT_FALSE(cipher.unseal(sealed.substr(0, sealed.size() - 2)));
  EXPECT_FALSE(cipher.unseal(""));
  EXPECT_FALSE(cipher.unseal("not hex at all, but long enough to hold a nonce and a tag"));
}

TEST(card_cipher, another_key_cannot_open_the_seal) {
  EXPECT_FALSE(card_cipher(key_of(8)).unseal(*cipher.seal(uid)));
}

}  // namespace
}  // namespace hubgate::store
