// The twin in-process, read through libnfc's API exactly as the door controller will.
#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "hardware/sim/reader_twin.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "libnfc_session.hpp"

namespace hubgate::sim::test {
namespace {

using namespace std::chrono_literals;

const bytes desfire_uid{0x04, 0x52, 0x61, 0x7A, 0x33, 0x59, 0x80};

class sim_libnfc : public ::testing::Test {
 protected:
  void SetUp() override {
    twin_options options;
    options.link_path = dir_ / "reader";
    twin_ = std::make_unique<reader_twin>(options);
    ASSERT_TRUE(twin_->start());
  }
  hubgate::test::temp_dir dir_{"hubgate-sim"};
  std::unique_ptr<reader_twin> twin_;
};

TEST_F(sim_libnfc, select_transceive_apdu_and_presence) {
  twin_->place_card(make_iso_dep_card(desfire_uid, std::make_shared<select_ok_handler>()));
  libnfc_session nfc;
  ASSERT_TRUE(nfc.open(twin_->status().link));
  nfc_target target{};
  ASSERT_EQ(nfc.select(target), 1);
  // nfc_target is a packed struct: copy fields out before comparing.
  const std::size_t uid_len = target.nti.nai.szUidLen;
  const std::size_t ats_len = target.nti.nai.szAtsLen;
  const std::uint8_t sak = target.nti.nai.btSak;
  EXPECT_EQ(bytes(target.nti.nai.abtUid, target.nti.nai.abtUid + uid_len), desfire_uid);
  EXPECT_EQ(sak, 0x20);
  EXPECT_EQ(ats_len, 5u);

  const std::uint8_t select_app[] = {0x00, 0xA4, 0x04, 0x00, 0x07, 0xD2, 0x76,
                                     0x00, 0x00, 0x85, 0x01, 0x01, 0x00};
  std::uint8_t rx[64];
  const int n = nfc_initiator_transceive_bytes(nfc.device(), select_app, sizeof select_app, rx,
                                               sizeof rx, 1000);
  ASSERT_EQ(n, 2);
  EXPECT_EQ(rx[0], 0x90);
  EXPECT_EQ(rx[1], 0x00);

  EXPECT_EQ(nfc_initiator_target_is_present(nfc.device(), nullptr), NFC_SUCCESS);
  twin_->remove_card();
  EXPECT_NE(nfc_initiator_target_is_present(nfc.device(), nullptr), NFC_SUCCESS);
}

TEST_F(sim_libnfc, ultralight_presence_turns_false_after_removal) {
  twin_->place_card(make_card({0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6}));
  libnfc_session nfc;
  ASSERT_TRUE(nfc.open(twin_->status().link));
  nfc_target target{};
  ASSERT_EQ(nfc.select(target), 1);
  EXPECT_EQ(nfc_initiator_target_is_present(nfc.device(), nullptr), NFC_SUCCESS);
  twin_->remove_card();
  EXPECT_EQ(nfc_initiator_target_is_present(nfc.device(), nullptr), NFC_ETGRELEASED);
}

TEST_F(sim_libnfc, classic_presence_by_reselect) {
  twin_->place_card(make_card({0xAA, 0xBB, 0xCC, 0xDD}));
  libnfc_session nfc;
  ASSERT_TRUE(nfc.open(twin_->status().link));
  nfc_target target{};
  ASSERT_EQ(nfc.select(target), 1);
  const std::uint8_t sak = target.nti.nai.btSak;
  EXPECT_EQ(sak, 0x08);
  EXPECT_EQ(nfc_initiator_target_is_present(nfc.device(), nullptr), NFC_SUCCESS);
  // Another card in the field is not the selected target.
  twin_->place_card(make_card({0x11, 0x22, 0x33, 0x44}));
  EXPECT_EQ(nfc_initiator_target_is_present(nfc.device(), nullptr), NFC_ETGRELEASED);
}

TEST_F(sim_libnfc, poll_target_sees_a_card_tapped_while_polling) {
  libnfc_session nfc;
  ASSERT_TRUE(nfc.open(twin_->status().link));
  const nfc_modulation mods[] = {{NMT_ISO14443A, NBR_106}};
  // The tap lands while the chip is already polling (it starts after this thread blocks).
  std::thread tapper([this] {
    hubgate::test::wait_until([this] { return twin_->status().chip_busy; });
    twin_->tap(make_card({0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66}), 2000ms);
  });
  nfc_target target{};
  const int found = nfc_initiator_poll_target(nfc.device(), mods, 1, 0xFF, 1, &target);
  tapper.join();
  ASSERT_EQ(found, 1);
  const std::size_t uid_len = target.nti.nai.szUidLen;
  const std::uint8_t last = target.nti.nai.abtUid[6];
  EXPECT_EQ(uid_len, 7u);
  EXPECT_EQ(last, 0x66);
}

TEST_F(sim_libnfc, unplug_then_replug) {
  twin_->place_card(make_card({0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6}));
  const std::string link = twin_->status().link;
  twin_->unplug();
  EXPECT_FALSE(twin_->status().plugged);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(link)));
  {
    libnfc_session nfc;
    EXPECT_FALSE(nfc.open(link));
  }
  ASSERT_TRUE(twin_->replug());
  EXPECT_TRUE(twin_->status().plugged);
  libnfc_session nfc;
  ASSERT_TRUE(nfc.open(link));
  nfc_target target{};
  EXPECT_EQ(nfc.select(target), 1);
}

TEST_F(sim_libnfc, unplug_while_open_fails_the_host_then_replug_recovers) {
  twin_->place_card(make_card({0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6}));
  const std::string link = twin_->status().link;
  libnfc_session nfc;
  ASSERT_TRUE(nfc.open(link));
  nfc_target target{};
  ASSERT_EQ(nfc.select(target), 1);
  twin_->unplug();
  EXPECT_LT(nfc.select(target), 1);
  nfc.close();
  ASSERT_TRUE(twin_->replug());
  ASSERT_TRUE(nfc.open(link));
  EXPECT_EQ(nfc.select(target), 1);
}

}  // namespace
}  // namespace hubgate::sim::test
