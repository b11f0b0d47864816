#include "hardware/sim/virtual_card.hpp"

#include <gtest/gtest.h>

namespace hubgate::sim {
namespace {

TEST(virtual_card, parses_uids_of_valid_lengths_only) {
  auto uid = parse_uid("04a1B2C3D4E5F6");
  ASSERT_TRUE(uid);
  EXPECT_EQ(to_hex(*uid), "04A1B2C3D4E5F6");
  EXPECT_TRUE(parse_uid("01020304"));
  EXPECT_FALSE(parse_uid("010203"));
  EXPECT_FALSE(parse_uid("0102030"));
  EXPECT_FALSE(parse_uid("0102030G"));
  EXPECT_FALSE(parse_uid(""));
}

TEST(virtual_card, defaults_by_uid_length) {
  auto seven = make_card({0x04, 1, 2, 3, 4, 5, 6});
  EXPECT_EQ(seven.atqa[1], 0x44);
  EXPECT_EQ(seven.sak, 0x00);
  auto four = make_card({1, 2, 3, 4});
  EXPECT_EQ(four.atqa[1], 0x04);
  EXPECT_EQ(four.sak, 0x08);
  EXPECT_FALSE(four.iso14443_4());
}

TEST(virtual_card, select_ok_handler) {
  select_ok_handler h;
  const bytes select{0x00, 0xA4, 0x04, 0x00, 0x02, 0x3F, 0x00};
  EXPECT_EQ(h.transceive(select), (bytes{0x90, 0x00}));
  EXPECT_EQ(h.transceive(bytes{0x90, 0x60, 0x00, 0x00, 0x00}), (bytes{0x6D, 0x00}));
}

}  // namespace
}  // namespace hubgate::sim
