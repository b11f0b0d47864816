#include "hardware/sim/pn532_chip.hpp"

#include <gtest/gtest.h>

#include "trace_bytes.hpp"

namespace hubgate::sim {
namespace {

using namespace std::chrono_literals;
using test::hex_bytes;

class Pn532Chip : public ::testing::Test {
 protected:
  // Runs one command to completion (advancing the clock up to `max_wait`), returns the reply.
  std::optional<chip_reply> run(const std::string& cmd, std::chrono::milliseconds max_wait = 50ms) {
    chip_.execute(hex_bytes(cmd), now_);
    const auto end = now_ + max_wait;
    while (now_ <= end) {
      if (auto r = chip_.take_reply(now_)) return r;
      now_ += 1ms;
    }
    return std::nullopt;
  }
  bytes answer(const std::string& cmd) {
    auto r = run(cmd);
    EXPECT_TRUE(r) << cmd;
    if (!r) return {};
    EXPECT_FALSE(r->error_frame) << cmd;
    return r->payload;
  }

  pn532_chip chip_;
  sim_clock::time_point now_ = sim_clock::time_point{} + 1h;
};

TEST_F(Pn532Chip, InitSequenceFromNfcListTrace) {
  EXPECT_EQ(answer("D4 14 01"), hex_bytes("D5 15"));
  EXPECT_EQ(answer("D4 00 00 6C 69 62 6E 66 63"), hex_bytes("D5 01 00 6C 69 62 6E 66 63"));
  EXPECT_EQ(answer("D4 02"), hex_bytes("D5 03 32 01 06 07"));
  EXPECT_EQ(answer("D4 12 14"), hex_bytes("D5 13"));
  EXPECT_EQ(answer("D4 06 63 02 63 03 63 0D 63 38 63 3D"), hex_bytes("D5 07 00 00 00 00 00"));
  EXPECT_EQ(answer("D4 08 63 02 80 63 03 80"), hex_bytes("D5 09"));
  EXPECT_EQ(answer("D4 32 01 00"), hex_bytes("D5 33"));
  EXPECT_EQ(answer("D4 32 01 01"), hex_bytes("D5 33"));
  EXPECT_TRUE(chip_.rf_field_on());
  EXPECT_EQ(answer("D4 32 05 FF FF FF"), hex_bytes("D5 33"));
  EXPECT_EQ(answer("D4 06 63 02 63 03 63 05 63 38 63 3C 63 3D"),
            hex_bytes("D5 07 80 80 00 00 00 00"));
}

TEST_F(Pn532Chip, RegisterFileKeepsWrittenValues) {
  answer("D4 08 63 05 40 63 3C 10");
  EXPECT_EQ(answer("D4 06 63 02 63 03 63 05 63 38 63 3C 63 3D"),
            hex_bytes("D5 07 00 00 40 00 10 00"));
  EXPECT_EQ(chip_.register_value(0x633C), 0x10);
}

TEST_F(Pn532Chip, ListsSevenByteCardLikeTheTrace) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  answer("D4 32 05 00 01 02");
  EXPECT_EQ(answer("D4 4A 01 00"), hex_bytes("D5 4B 01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6"));
  EXPECT_EQ(answer("D4 44 00"), hex_bytes("D5 45 00"));
  EXPECT_EQ(answer("D4 4A 01 00"), hex_bytes("D5 4B 01 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6"));
  // Other modulations find nothing.
  EXPECT_EQ(answer("D4 4A 01 01 00 FF FF 01 00"), hex_bytes("D5 4B 00"));
  EXPECT_EQ(answer("D4 4A 01 03 00"), hex_bytes("D5 4B 00"));
  EXPECT_EQ(answer("D4 4A 01 04"), hex_bytes("D5 4B 00"));
}

TEST_F(Pn532Chip, FourByteCardWithCustomAtqaSak) {
  virtual_card card = make_card(hex_bytes("AA BB CC DD"));
  EXPECT_EQ(card.sak, 0x08);
  chip_.place_card(card);
  answer("D4 32 05 00 01 02");
  EXPECT_EQ(answer("D4 4A 01 00"), hex_bytes("D5 4B 01 01 00 04 08 04 AA BB CC DD"));
  // Re-select by UID (libnfc's MIFARE Classic presence check) matches only this card.
  EXPECT_EQ(answer("D4 4A 01 00 AA BB CC DD"), hex_bytes("D5 4B 01 01 00 04 08 04 AA BB CC DD"));
  EXPECT_EQ(answer("D4 4A 01 00 AA BB CC DE"), hex_bytes("D5 4B 00"));
}

TEST_F(Pn532Chip, NoCardAnswersAfterRealisticDelayWithFiniteRetries) {
  answer("D4 32 05 00 01 02");
  chip_.execute(hex_bytes("D4 4A 01 00"), now_);
  EXPECT_FALSE(chip_.take_reply(now_));  // not instantaneous
  auto r = chip_.take_reply(now_ + 20ms);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->payload, hex_bytes("D5 4B 00"));
}

TEST_F(Pn532Chip, InfiniteRetriesWaitUntilACardArrives) {
  EXPECT_EQ(chip_.passive_activation_retries(), 0xFF);
  chip_.execute(hex_bytes("D4 4A 01 00"), now_);
  EXPECT_FALSE(chip_.take_reply(now_ + 10s));
  ASSERT_TRUE(chip_.next_wakeup(now_));
  chip_.place_card(make_card(hex_bytes("04 11 22 33 44 55 66")));
  EXPECT_FALSE(chip_.take_reply(now_ + 10s));  // activation takes a moment
  auto r = chip_.take_reply(now_ + 10s + 10ms);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->payload, hex_bytes("D5 4B 01 01 00 44 00 07 04 11 22 33 44 55 66"));
}

TEST_F(Pn532Chip, AbortDropsTheWaitingCommand) {
  chip_.execute(hex_bytes("D4 4A 01 00"), now_);
  EXPECT_TRUE(chip_.busy());
  chip_.abort();
  EXPECT_FALSE(chip_.busy());
  chip_.place_card(make_card(hex_bytes("04 11 22 33")));
  EXPECT_FALSE(chip_.take_reply(now_ + 1s));
}

TEST_F(Pn532Chip, AutoPollFindsCardLikeNfcPoll) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  EXPECT_EQ(answer("D4 60 14 02 20 10 03 11 12 04 03"),
            hex_bytes("D5 61 01 10 0C 01 00 44 00 07 04 A1 B2 C3 D4 E5 F6"));
  // Presence check: MIFARE Ultralight READ of page 0, as in frames-nfc-poll.log.
  EXPECT_EQ(answer("D4 40 01 30 00"),
            hex_bytes("D5 41 00 04 A1 B2 C3 D4 E5 F6 00 00 00 00 00 00 00 00 00"));
  chip_.remove_card();
  EXPECT_EQ(answer("D4 40 01 30 00"), hex_bytes("D5 41 01"));
}

TEST_F(Pn532Chip, AutoPollWithoutCardWaitsForThePollingPeriod) {
  // 1 round x 1 period (150 ms) x 2 types = 300 ms.
  chip_.execute(hex_bytes("D4 60 01 01 10 20"), now_);
  EXPECT_FALSE(chip_.take_reply(now_ + 299ms));
  EXPECT_FALSE(chip_.take_reply(now_ + 300ms));
  auto r = chip_.take_reply(now_ + 310ms);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->payload, hex_bytes("D5 61 00"));
}

TEST_F(Pn532Chip, AutoPollSeesATapWithinATick) {
  chip_.execute(hex_bytes("D4 60 FF 02 10"), now_);
  EXPECT_FALSE(chip_.take_reply(now_ + 1h));
  const auto wake = chip_.next_wakeup(now_);
  ASSERT_TRUE(wake);
  EXPECT_LE(*wake - now_, 10ms);
  chip_.place_card(make_card(hex_bytes("01 02 03 04")));
  EXPECT_FALSE(chip_.take_reply(*wake));
  const auto answer_at = chip_.next_wakeup(*wake);
  ASSERT_TRUE(answer_at);
  EXPECT_LE(*answer_at - now_, 20ms);
  EXPECT_TRUE(chip_.take_reply(*answer_at));
}

TEST_F(Pn532Chip, IsoDepCardAnswersApduThroughHandler) {
  chip_.place_card(
      make_iso_dep_card(hex_bytes("04 01 02 03 04 05 06"), std::make_shared<select_ok_handler>()));
  answer("D4 12 14");  // automatic RATS on, as libnfc sets it
  EXPECT_EQ(answer("D4 4A 01 00"),
            hex_bytes("D5 4B 01 01 03 44 20 07 04 01 02 03 04 05 06 06 75 77 81 02 80"));
  EXPECT_EQ(answer("D4 40 01 00 A4 04 00 07 D2 76 00 00 85 01 01 00"), hex_bytes("D5 41 00 90 00"));
  EXPECT_EQ(answer("D4 40 01 00 B0 00 00 00"), hex_bytes("D5 41 00 6D 00"));
  // libnfc's ISO 14443-4 presence check: R(NAK) through InCommunicateThru.
  EXPECT_EQ(answer("D4 42 B2"), hex_bytes("D5 43 00 A2"));
}

TEST_F(Pn532Chip, CommunicateThruTimesOutWithoutTypeAFraming) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  answer("D4 4A 01 00");
  answer("D4 08 63 02 83 63 03 83");  // ISO 14443-B framing
  EXPECT_EQ(answer("D4 42 06 00"), hex_bytes("D5 43 01"));
}

TEST_F(Pn532Chip, CardRemovedMidExchange) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  answer("D4 4A 01 00");
  chip_.remove_card_during_next_exchange();
  EXPECT_EQ(answer("D4 40 01 30 00"), hex_bytes("D5 41 01"));
  EXPECT_FALSE(chip_.card());
}

TEST_F(Pn532Chip, ExchangeWithoutTargetIsRefused) {
  EXPECT_EQ(answer("D4 40 01 30 00"), hex_bytes("D5 41 27"));
}

TEST_F(Pn532Chip, ReleaseDeselectSelectAndGeneralStatus) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  answer("D4 4A 01 00");
  EXPECT_EQ(answer("D4 04"), hex_bytes("D5 05 00 01 01 01 00 00 00 00"));
  EXPECT_EQ(answer("D4 44 01"), hex_bytes("D5 45 00"));
  EXPECT_EQ(answer("D4 54 01"), hex_bytes("D5 55 00"));
  EXPECT_EQ(answer("D4 52 00"), hex_bytes("D5 53 00"));
  EXPECT_EQ(answer("D4 54 01"), hex_bytes("D5 55 27"));
  EXPECT_EQ(answer("D4 04"), hex_bytes("D5 05 00 01 00 00"));
}

TEST_F(Pn532Chip, PowerDownAndWakeUp) {
  EXPECT_EQ(answer("D4 16 F0"), hex_bytes("D5 17 00"));
  EXPECT_TRUE(chip_.powered_down());
  EXPECT_EQ(answer("D4 02"), hex_bytes("D5 03 32 01 06 07"));
  EXPECT_FALSE(chip_.powered_down());
}

TEST_F(Pn532Chip, SyntaxErrorsGiveErrorFrame) {
  for (const char* bad : {"D5 02", "D4", "D4 FE", "D4 06 63", "D4 08 63 02", "D4 32 05 00",
                          "D4 14 09", "D4 4A 03 00", "D4 60 00 01 10", "D4 00 09"}) {
    auto r = run(bad);
    ASSERT_TRUE(r) << bad;
    EXPECT_TRUE(r->error_frame) << bad;
  }
}

TEST_F(Pn532Chip, DiagnoseCardPresence) {
  chip_.place_card(make_card(hex_bytes("04 A1 B2 C3 D4 E5 F6")));
  answer("D4 4A 01 00");
  EXPECT_EQ(answer("D4 00 06"), hex_bytes("D5 01 00"));
  chip_.remove_card();
  EXPECT_EQ(answer("D4 00 06"), hex_bytes("D5 01 01"));
}

}  // namespace
}  // namespace hubgate::sim
