// The twin's DESFire EV1 card driven by Debian's libfreefare through libnfc's real pn532_uart
// driver on the twin's pty: the same calls card-personalisation software makes.
#include <freefare.h>
#include <gtest/gtest.h>

#include <array>
#include <memory>
#include <numeric>

#include "hardware/sim/desfire_card.hpp"
#include "hardware/sim/reader_twin.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "libnfc_session.hpp"

namespace hubgate::sim::test {
namespace {

using key_ptr = std::unique_ptr<mifare_desfire_key, decltype(&mifare_desfire_key_free)>;

key_ptr aes_key(std::uint8_t fill, std::uint8_t version = 0) {
  std::array<std::uint8_t, 16> value{};
  value.fill(fill);
  return {mifare_desfire_aes_key_new_with_version(value.data(), version), &mifare_desfire_key_free};
}

class desfire_libfreefare : public ::testing::Test {
 protected:
  void SetUp() override {
    twin_options options;
    options.link_path = dir_ / "reader";
    twin_ = std::make_unique<reader_twin>(options);
    ASSERT_TRUE(twin_->start());
    card_ = make_blank_desfire();
    twin_->place_card(make_desfire_card(card_));
    ASSERT_TRUE(nfc_.open(twin_->status().link));
    tags_ = freefare_get_tags(nfc_.device());
    ASSERT_NE(tags_, nullptr);
    ASSERT_NE(tags_[0], nullptr);
    tag_ = tags_[0];
    ASSERT_EQ(freefare_get_tag_type(tag_), DESFIRE);
    ASSERT_EQ(mifare_desfire_connect(tag_), 0);
  }
  void TearDown() override {
    if (tag_) mifare_desfire_disconnect(tag_);
    if (tags_) freefare_free_tags(tags_);
  }
  int authenticate(std::uint8_t key_no, const key_ptr& key) {
    return mifare_desfire_authenticate_aes(tag_, key_no, key.get());
  }

  hubgate::test::temp_dir dir_{"hubgate-desfire"};
  std::unique_ptr<reader_twin> twin_;
  std::shared_ptr<desfire_card> card_;
  libnfc_session nfc_;
  MifareTag* tags_ = nullptr;
  MifareTag tag_ = nullptr;
};

TEST_F(desfire_libfreefare, is_an_ev1_with_a_random_uid_per_activation) {
  std::unique_ptr<char, decltype(&free)> uid(freefare_get_tag_uid(tag_), &free);
  ASSERT_NE(uid, nullptr);
  EXPECT_EQ(std::string(uid.get()).size(), 8u);
  EXPECT_TRUE(std::string(uid.get()).starts_with("08"));
  EXPECT_NE(to_hex(card_->real_uid()).substr(0, 8), std::string(uid.get()));

  mifare_desfire_version_info version{};
  ASSERT_EQ(mifare_desfire_get_version(tag_, &version), 0);
  EXPECT_EQ(version.hardware.vendor_id, 0x04);
  EXPECT_EQ(version.hardware.storage_size, 0x1A);
  EXPECT_EQ(version.software.version_major, 0x01);
  // A random-ID card keeps its UID out of GetVersion.
  EXPECT_EQ(std::accumulate(version.uid, version.uid + 7, 0), 0);
}

TEST_F(desfire_libfreefare, factory_key_authenticates_and_reveals_the_real_uid) {
  ASSERT_EQ(authenticate(0, aes_key(0x00)), 0);
  mifare_desfire_version_info version{};
  ASSERT_EQ(mifare_desfire_get_version(tag_, &version), 0);  // CMAC-verified answer
  char* uid = nullptr;
  ASSERT_EQ(mifare_desfire_get_card_uid(tag_, &uid), 0);
  std::string expected = to_hex(card_->real_uid());
  for (char& c : expected) c = static_cast<char>(std::tolower(c));
  EXPECT_EQ(std::string(uid), expected);
  free(uid);
}

TEST_F(desfire_libfreefare, a_wrong_key_fails_cleanly) {
  EXPECT_LT(authenticate(0, aes_key(0x11)), 0);
  EXPECT_EQ(mifare_desfire_last_picc_error(tag_), AUTHENTICATION_ERROR);
  char* uid = nullptr;
  EXPECT_LT(mifare_desfire_get_card_uid(tag_, &uid), 0);
  // The card is still there and takes the right key.
  ASSERT_EQ(authenticate(0, aes_key(0x00)), 0);
  ASSERT_EQ(mifare_desfire_get_card_uid(tag_, &uid), 0);
  free(uid);
}

TEST_F(desfire_libfreefare, application_keys_and_files_in_every_mode) {
  ASSERT_EQ(authenticate(0, aes_key(0x00)), 0);
  MifareDESFireAID aid = mifare_desfire_aid_new(0x112233);
  ASSERT_EQ(mifare_desfire_create_application_aes(tag_, aid, 0x0F, 3), 0);
  MifareDESFireAID* aids = nullptr;
  std::size_t count = 0;
  ASSERT_EQ(mifare_desfire_get_application_ids(tag_, &aids, &count), 0);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(mifare_desfire_aid_get_aid(aids[0]), 0x112233u);
  mifare_desfire_free_application_ids(aids);

  ASSERT_EQ(mifare_desfire_select_application(tag_, aid), 0);
  free(aid);
  ASSERT_EQ(authenticate(0, aes_key(0x00)), 0);
  // Another key, changed by the master key (new XOR old, two CRCs)...
  ASSERT_EQ(mifare_desfire_change_key(tag_, 1, aes_key(0xA1, 0x11).get(), aes_key(0x00).get()), 0);
  std::uint8_t version = 0;
  ASSERT_EQ(mifare_desfire_get_key_version(tag_, 1, &version), 0);
  EXPECT_EQ(version, 0x11);
  // ...and the master key itself, which ends the session.
  ASSERT_EQ(mifare_desfire_change_key(tag_, 0, aes_key(0xB0, 0x22).get(), nullptr), 0);
  EXPECT_LT(authenticate(0, aes_key(0x00)), 0);
  ASSERT_EQ(authenticate(0, aes_key(0xB0)), 0);
  ASSERT_EQ(mifare_desfire_get_key_version(tag_, 0, &version), 0);
  EXPECT_EQ(version, 0x22);
  ASSERT_EQ(authenticate(1, aes_key(0xA1)), 0);
  ASSERT_EQ(authenticate(0, aes_key(0xB0)), 0);

  const std::uint16_t master_only = MDAR(MDAR_KEY0, MDAR_KEY0, MDAR_KEY0, MDAR_KEY0);
  const std::uint8_t modes[] = {MDCM_PLAIN, MDCM_MACED, MDCM_ENCIPHERED};
  std::array<std::uint8_t, 100> written{};
  for (std::uint8_t file = 1; file <= 3; ++file) {
    SCOPED_TRACE(static_cast<int>(file));
    ASSERT_EQ(mifare_desfire_create_std_data_file(tag_, file, modes[file - 1], master_only, 100),
              0);
    // 100 bytes take several frames both ways.
    std::iota(written.begin(), written.end(), static_cast<std::uint8_t>(file * 7));
    ASSERT_EQ(mifare_desfire_write_data(tag_, file, 0, written.size(), written.data()), 100);
    std::array<std::uint8_t, 160> read{};  // room for the MAC or the CRC and padding
    ASSERT_EQ(mifare_desfire_read_data(tag_, file, 0, written.size(), read.data()), 100);
    EXPECT_TRUE(std::equal(written.begin(), written.end(), read.begin()));
    ASSERT_EQ(mifare_desfire_read_data(tag_, file, 10, 5, read.data()), 5);
    EXPECT_TRUE(std::equal(written.begin() + 10, written.begin() + 15, read.begin()));
  }
  // The files need the master key: unauthenticated reads are refused.
  ASSERT_EQ(mifare_desfire_disconnect(tag_), 0);
  ASSERT_EQ(mifare_desfire_connect(tag_), 0);
  aid = mifare_desfire_aid_new(0x112233);
  ASSERT_EQ(mifare_desfire_select_application(tag_, aid), 0);
  free(aid);
  std::array<std::uint8_t, 160> read{};
  EXPECT_LT(mifare_desfire_read_data_ex(tag_, 1, 0, 10, read.data(), MDCM_PLAIN), 0);
  EXPECT_EQ(mifare_desfire_last_picc_error(tag_), PERMISSION_ERROR);
}

}  // namespace
}  // namespace hubgate::sim::test
