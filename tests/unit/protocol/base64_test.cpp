#include "protocol/base64.hpp"

#include <gtest/gtest.h>

namespace hubgate::protocol {
namespace {

std::vector<std::uint8_t> v(std::string_view s) {
  return {s.begin(), s.end()};
}

TEST(base64, encodes_rfc4648_vectors) {
  EXPECT_EQ(base64_encode(v("")), "");
  EXPECT_EQ(base64_encode(v("f")), "Zg==");
  EXPECT_EQ(base64_encode(v("fo")), "Zm8=");
  EXPECT_EQ(base64_encode(v("foo")), "Zm9v");
  EXPECT_EQ(base64_encode(v("foobar")), "Zm9vYmFy");
}

TEST(base64, decodes_what_it_encodes) {
  for (std::string_view s : {"", "f", "fo", "foo", "foob", "fooba", "foobar"}) {
    auto back = base64_decode(base64_encode(v(s)));
    ASSERT_TRUE(back) << s;
    EXPECT_EQ(*back, v(s));
  }
}

TEST(base64, refuses_malformed_text) {
  EXPECT_FALSE(base64_decode("Zg="));     // wrong length
  EXPECT_FALSE(base64_decode("Z g=="));   // whitespace
  EXPECT_FALSE(base64_decode("Zg=a"));    // padding in the middle
  EXPECT_FALSE(base64_decode("Zh=="));    // unused bits set: not canonical
  EXPECT_FALSE(base64_decode("Zm9v\n"));  // trailing newline
  EXPECT_FALSE(base64_decode("===="));
  EXPECT_FALSE(base64_decode("Zm-v"));  // URL-safe alphabet is not ours
}

}  // namespace
}  // namespace hubgate::protocol
