#include "booking/auth/password_hash.hpp"

#include <gtest/gtest.h>

namespace hubgate::auth {
namespace {

TEST(auth_password_hash, round_trip_with_the_default_cost) {
  auto h = hash_password("correct horse battery staple");
  ASSERT_TRUE(h);
  EXPECT_EQ(h->rfind("$scrypt$ln=15,r=8,p=1$", 0), 0u) << *h;
  EXPECT_TRUE(verify_password("correct horse battery staple", *h));
  EXPECT_FALSE(verify_password("correct horse battery stapl", *h));
  EXPECT_FALSE(verify_password("", *h));
}

TEST(auth_password_hash, salts_differ) {
  scrypt_cost cheap{10, 8, 1};
  auto a = hash_password("same", cheap), b = hash_password("same", cheap);
  ASSERT_TRUE(a && b);
  EXPECT_NE(*a, *b);
  EXPECT_TRUE(verify_password("same", *a));
  EXPECT_TRUE(verify_password("same", *b));
}

TEST(auth_password_hash, malformed_or_excessive_encodings_never_verify) {
  scrypt_cost cheap{10, 8, 1};
  auto good = *hash_password("pw", cheap);
  for (std::string bad :
       {std::string(""), std::string("$scrypt$"), std::string("plain"),
        std::string("$scrypt$ln=10,r=8$AAAA$AAAA"),
        std::string("$scrypt$ln=40,r=8,p=1$c2FsdHNhbHRzYWx0$") + good.substr(good.rfind('$') + 1),
        std::string("$bcrypt$ln=10,r=8,p=1$AAAA$AAAA"), good.substr(0, good.size() - 4),
        good + "$extra"}) {
    EXPECT_FALSE(verify_password("pw", bad)) << bad;
  }
}

}  // namespace
}  // namespace hubgate::auth
