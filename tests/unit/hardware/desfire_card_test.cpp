// The DESFire card's framing and command rules without a reader: native and ISO-wrapped
// frames, multi-frame answers, malformed input, and what needs authentication.
#include "hardware/sim/desfire_card.hpp"

#include <gtest/gtest.h>

namespace hubgate::sim {
namespace {

const bytes real_uid{0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66};

class desfire_card_test : public ::testing::Test {
 protected:
  bytes send(bytes frame) { return card_.transceive(frame); }
  desfire_card card_{real_uid};
};

TEST_F(desfire_card_test, get_version_comes_in_three_native_frames) {
  bytes first = send({0x60});
  ASSERT_EQ(first.size(), 8u);
  EXPECT_EQ(first[0], desfire::additional_frame);
  EXPECT_EQ(first[1], 0x04);  // NXP
  EXPECT_EQ(send({0xAF}).size(), 8u);
  const bytes last = send({0xAF});
  ASSERT_EQ(last.size(), 15u);
  EXPECT_EQ(last[0], desfire::status_ok);
  EXPECT_EQ(bytes(last.begin() + 1, last.begin() + 8), bytes(7, 0x00));  // random-ID card
  EXPECT_EQ(send({0xAF}), bytes{desfire::illegal_command});
}

TEST_F(desfire_card_test, wrapped_commands_answer_with_91_status) {
  const bytes first = send({0x90, 0x60, 0x00, 0x00, 0x00});
  ASSERT_EQ(first.size(), 9u);
  EXPECT_EQ(bytes(first.end() - 2, first.end()), (bytes{0x91, 0xAF}));
  // Lc and data, with or without Le.
  EXPECT_EQ(send({0x90, 0x5A, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x00}), (bytes{0x91, 0x00}));
  EXPECT_EQ(send({0x90, 0x5A, 0x00, 0x00, 0x03, 0x01, 0x02, 0x03}), (bytes{0x91, 0xA0}));
}

TEST_F(desfire_card_test, malformed_frames_get_error_codes) {
  EXPECT_EQ(send({}), bytes{desfire::length_error});
  EXPECT_EQ(send({0x90, 0x60}), (bytes{0x67, 0x00}));
  EXPECT_EQ(send({0x90, 0x60, 0x01, 0x00, 0x00}), (bytes{0x6A, 0x86}));
  EXPECT_EQ(send({0x90, 0x5A, 0x00, 0x00, 0x09, 0x00}), (bytes{0x67, 0x00}));
  EXPECT_EQ(send({0x00, 0xA4, 0x04, 0x00}), bytes{desfire::illegal_command});
  EXPECT_EQ(send({0x5A, 0x00}), bytes{desfire::length_error});
  EXPECT_EQ(send({0xAA}), bytes{desfire::length_error});
  EXPECT_EQ(send({0xAA, 0x05}), bytes{desfire::no_such_key});
  EXPECT_EQ(send({0x0A, 0x00}), bytes{desfire::authentication_error});
  EXPECT_EQ(send({0xC4, 0x00}), bytes{desfire::authentication_error});
  EXPECT_EQ(send({0x3D, 0x01}), bytes{desfire::length_error});
}

TEST_F(desfire_card_test, an_interrupted_authentication_is_refused) {
  const bytes challenge = send({0xAA, 0x00});
  ASSERT_EQ(challenge.size(), 17u);
  EXPECT_EQ(challenge[0], desfire::additional_frame);
  EXPECT_EQ(send({0xAF, 0x01, 0x02}), bytes{desfire::length_error});
  bytes garbage(33, 0x5A);
  garbage[0] = 0xAF;
  send({0xAA, 0x00});
  EXPECT_EQ(send(garbage), bytes{desfire::authentication_error});
}

TEST_F(desfire_card_test, the_real_uid_needs_authentication) {
  EXPECT_EQ(send({0x51}), bytes{desfire::authentication_error});
}

TEST_F(desfire_card_test,
       a_blank_card_creates_applications_freely_and_activation_returns_to_the_picc) {
  // CA, AID 010203, key settings 0F, 2 AES keys.
  EXPECT_EQ(send({0xCA, 0x03, 0x02, 0x01, 0x0F, 0x82}), bytes{desfire::status_ok});
  EXPECT_EQ(send({0xCA, 0x03, 0x02, 0x01, 0x0F, 0x82}), bytes{desfire::duplicate_error});
  EXPECT_EQ(send({0xCA, 0x04, 0x02, 0x01, 0x0F, 0x02}), bytes{desfire::parameter_error});  // DES
  EXPECT_EQ(send({0x6A}), (bytes{desfire::status_ok, 0x03, 0x02, 0x01}));
  // Files live in applications, not at the PICC level.
  EXPECT_EQ(send({0xCD, 0x01, 0x00, 0x00, 0x00, 0x10, 0x00, 0x00}),
            bytes{desfire::illegal_command});
  EXPECT_EQ(send({0x5A, 0x03, 0x02, 0x01}), bytes{desfire::status_ok});
  // A free file (access E for everything) of 16 bytes, written and read in plain.
  EXPECT_EQ(send({0xCD, 0x01, 0x00, 0xEE, 0xEE, 0x10, 0x00, 0x00}), bytes{desfire::status_ok});
  EXPECT_EQ(send({0x3D, 0x01, 0x02, 0x00, 0x00, 0x02, 0x00, 0x00, 0xCA, 0xFE}),
            bytes{desfire::status_ok});
  EXPECT_EQ(send({0xBD, 0x01, 0x01, 0x00, 0x00, 0x03, 0x00, 0x00}),
            (bytes{desfire::status_ok, 0x00, 0xCA, 0xFE}));
  EXPECT_EQ(send({0xBD, 0x01, 0x0F, 0x00, 0x00, 0x02, 0x00, 0x00}), bytes{desfire::boundary_error});
  EXPECT_EQ(send({0xBD, 0x02, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00}), bytes{desfire::file_not_found});
  EXPECT_EQ(send({0x6A}), bytes{desfire::illegal_command});
  card_.activate();
  EXPECT_EQ(send({0x6A}), (bytes{desfire::status_ok, 0x03, 0x02, 0x01}));
}

TEST_F(desfire_card_test, files_with_a_key_refuse_unauthenticated_access) {
  ASSERT_EQ(send({0xCA, 0x03, 0x02, 0x01, 0x0F, 0x81}), bytes{desfire::status_ok});
  ASSERT_EQ(send({0x5A, 0x03, 0x02, 0x01}), bytes{desfire::status_ok});
  ASSERT_EQ(send({0xCD, 0x01, 0x03, 0x00, 0x00, 0x10, 0x00, 0x00}), bytes{desfire::status_ok});
  EXPECT_EQ(send({0xBD, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00}),
            bytes{desfire::permission_denied});
  EXPECT_EQ(send({0x3D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01}),
            bytes{desfire::permission_denied});
}

}  // namespace
}  // namespace hubgate::sim
