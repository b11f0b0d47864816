#include "hardware/sim/pn532_link.hpp"

#include <gtest/gtest.h>

#include "trace_bytes.hpp"

namespace hubgate::sim {
namespace {

using namespace std::chrono_literals;
using test::hex_bytes;

class Pn532Link : public ::testing::Test {
 protected:
  bytes send(const std::string& raw, std::chrono::milliseconds settle = 20ms) {
    link_.on_bytes(hex_bytes(raw), now_);
    now_ += settle;
    link_.on_tick(now_);
    return link_.take_output();
  }
  pn532_chip chip_;
  pn532_link link_{chip_};
  sim_clock::time_point now_ = sim_clock::time_point{} + 1h;
};

TEST_F(Pn532Link, WakeUpAndSamConfigurationLikeTheTrace) {
  EXPECT_EQ(send("55 55 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 FF 03 FD D4 14 01 17 00"),
            hex_bytes("00 00 FF 00 FF 00 00 00 FF 02 FE D5 15 16 00"));
}

TEST_F(Pn532Link, BadChecksumIsAnsweredWithNack) {
  EXPECT_EQ(send("00 00 FF 02 FE D4 02 2B 00"), encode_nack());
  EXPECT_EQ(chip_.commands_executed(), 0u);
}

TEST_F(Pn532Link, UnknownCommandGetsAckThenErrorFrame) {
  bytes expected = encode_ack();
  const bytes err = encode_error_frame();
  expected.insert(expected.end(), err.begin(), err.end());
  EXPECT_EQ(send("00 00 FF 02 FE D4 FE 2E 00"), expected);
}

TEST_F(Pn532Link, HostNackResendsLastResponse) {
  send("00 00 FF 02 FE D4 02 2A 00");
  EXPECT_EQ(send("00 00 FF FF 00 00"), hex_bytes("00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
}

TEST_F(Pn532Link, HostAckAbortsWaitingCommand) {
  const bytes ack = send("00 00 FF 04 FC D4 4A 01 00 E1 00");
  EXPECT_EQ(ack, encode_ack());  // waiting for a card forever
  EXPECT_TRUE(chip_.busy());
  EXPECT_TRUE(send("00 00 FF 00 FF 00").empty());
  EXPECT_FALSE(chip_.busy());
}

TEST_F(Pn532Link, GarbleCorruptsOnlyTheNextResponses) {
  link_.faults().garble = 1;
  const bytes garbled = send("00 00 FF 02 FE D4 02 2A 00");
  const bytes good = hex_bytes("00 00 FF 00 FF 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00");
  ASSERT_EQ(garbled.size(), good.size());
  EXPECT_NE(garbled, good);
  EXPECT_EQ(std::vector(garbled.begin(), garbled.begin() + 6), encode_ack());
  EXPECT_EQ(send("00 00 FF 02 FE D4 02 2A 00"), good);
}

TEST_F(Pn532Link, NackAndMuteFaults) {
  link_.faults().nack = 1;
  EXPECT_EQ(send("00 00 FF 02 FE D4 02 2A 00"), encode_nack());
  link_.faults().mute = 1;
  EXPECT_TRUE(send("00 00 FF 02 FE D4 02 2A 00").empty());
  EXPECT_EQ(send("00 00 FF 02 FE D4 02 2A 00"),
            hex_bytes("00 00 FF 00 FF 00 00 00 FF 06 FA D5 03 32 01 06 07 E8 00"));
}

TEST_F(Pn532Link, ResponseIsPacedNotInstant) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  send("00 00 FF 04 FC D4 4A 01 00 E1 00");
  link_.on_bytes(hex_bytes("00 00 FF 05 FB D4 40 01 30 00 BB 00"), now_);
  EXPECT_EQ(link_.take_output(), encode_ack());
  chip_.remove_card();
  const auto due = link_.next_wakeup(now_);
  ASSERT_TRUE(due);
  EXPECT_GT(*due, now_);
}

}  // namespace
}  // namespace hubgate::sim
