#include "protocol/keys.hpp"

#include <gtest/gtest.h>

#include <fstream>

#include "hubgate/test/temp_dir.hpp"

namespace hubgate::protocol {
namespace {

TEST(keys, pem_round_trip_keeps_the_key) {
  auto key = signing_key::generate();
  ASSERT_TRUE(key);
  auto again = signing_key::from_pem(key->to_pem());
  ASSERT_TRUE(again);
  EXPECT_EQ(again->public_key().raw(), key->public_key().raw());

  auto pub = verify_key::from_pem(key->public_key().to_pem());
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->raw(), key->public_key().raw());
}

TEST(keys, loads_from_files) {
  test::temp_dir dir;
  auto key = signing_key::generate();
  ASSERT_TRUE(key);
  std::ofstream(dir / "list.key") << key->to_pem();
  std::ofstream(dir / "list.pub") << key->public_key().to_pem();
  auto loaded = signing_key::load_pem_file(dir / "list.key");
  ASSERT_TRUE(loaded);
  auto pub = verify_key::load_pem_file(dir / "list.pub");
  ASSERT_TRUE(pub);
  EXPECT_EQ(pub->raw(), loaded->public_key().raw());
  EXPECT_EQ(verify_key::load_pem_file(dir / "missing.pub").error(), errc::io_error);
}

TEST(keys, refuses_garbage_and_wrong_key_kinds) {
  EXPECT_EQ(verify_key::from_pem("not a key").error(), errc::key_error);
  EXPECT_EQ(signing_key::from_pem("").error(), errc::key_error);
  // A public key is not a private key.
  auto key = signing_key::generate();
  ASSERT_TRUE(key);
  EXPECT_EQ(signing_key::from_pem(key->public_key().to_pem()).error(), errc::key_error);
}

}  // namespace
}  // namespace hubgate::protocol
