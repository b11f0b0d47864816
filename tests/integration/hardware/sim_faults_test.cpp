// Injected faults: libnfc reports an error, the twin survives, and the next command works.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <random>

#include "hardware/sim/frame_codec.hpp"
#include "hardware/sim/reader_twin.hpp"
#include "hubgate/test/net_util.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "libnfc_session.hpp"

namespace hubgate::sim::test {
namespace {

using namespace std::chrono_literals;

class sim_faults : public ::testing::Test {
 protected:
  void SetUp() override {
    twin_options options;
    options.link_path = dir_ / "reader";
    twin_ = std::make_unique<reader_twin>(options);
    ASSERT_TRUE(twin_->start());
    twin_->place_card(make_card({0x04, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6}));
    ASSERT_TRUE(nfc_.open(twin_->status().link));
    ASSERT_EQ(nfc_.select(target_), 1);
  }
  // READ page 0 through libnfc (InDataExchange); returns libnfc's result.
  int read_page() {
    const std::uint8_t read0[] = {0x30, 0x00};
    std::uint8_t rx[32];
    return nfc_initiator_transceive_bytes(nfc_.device(), read0, sizeof read0, rx, sizeof rx, 500);
  }
  hubgate::test::temp_dir dir_{"hubgate-sim"};
  std::unique_ptr<reader_twin> twin_;
  libnfc_session nfc_;
  nfc_target target_{};
};

TEST_F(sim_faults, garbled_response_is_an_error_then_recovers) {
  ASSERT_EQ(read_page(), 16);
  twin_->fault_garble(1);
  EXPECT_LT(read_page(), 0);
  EXPECT_EQ(read_page(), 16);
}

TEST_F(sim_faults, nack_is_an_error_then_recovers) {
  twin_->fault_nack(1);
  EXPECT_LT(read_page(), 0);
  EXPECT_EQ(read_page(), 16);
}

TEST_F(sim_faults, mute_times_out_then_recovers) {
  twin_->fault_mute(1);
  EXPECT_EQ(read_page(), NFC_ETIMEOUT);
  EXPECT_EQ(read_page(), 16);
}

TEST_F(sim_faults, card_removed_mid_exchange) {
  twin_->fault_remove_mid_exchange();
  EXPECT_LT(read_page(), 0);
  EXPECT_TRUE(twin_->status().card.empty());
  EXPECT_EQ(nfc_initiator_target_is_present(nfc_.device(), nullptr), NFC_ETGRELEASED);
}

TEST_F(sim_faults, survives_random_bytes_from_the_host) {
  nfc_.close();
  const int fd = ::open(twin_->status().pty.c_str(), O_RDWR | O_NOCTTY);
  ASSERT_GE(fd, 0);
  std::mt19937 rng(1234);
  std::vector<std::uint8_t> noise(4096);
  for (auto& b : noise) b = static_cast<std::uint8_t>(rng());
  // Some frames with broken checksums and an unknown command among the noise.
  const std::uint8_t broken[] = {0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2B, 0x00,
                                 0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0xFE, 0x2E, 0x00};
  noise.insert(noise.begin() + 100, std::begin(broken), std::end(broken));
  ASSERT_EQ(::write(fd, noise.data(), noise.size()), static_cast<ssize_t>(noise.size()));
  // GetFirmwareVersion still answers afterwards (ACK, then the response).
  const auto get_fw = encode_information(bytes{0xD4, 0x02});
  std::vector<std::uint8_t> received;
  const bytes expected_tail = encode_information(bytes{0xD5, 0x03, 0x32, 0x01, 0x06, 0x07});
  const auto has_answer = [&] {
    std::uint8_t buf[256];
    pollfd p{fd, POLLIN, 0};
    while (::poll(&p, 1, 0) > 0) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n <= 0) break;
      received.insert(received.end(), buf, buf + n);
    }
    return std::search(received.begin(), received.end(), expected_tail.begin(),
                       expected_tail.end()) != received.end();
  };
  bool answered = false;
  for (int attempt = 0; attempt < 20 && !answered; ++attempt) {
    // The noise may have left a partial frame that swallows the first request: resend.
    ASSERT_EQ(::write(fd, get_fw.data(), get_fw.size()), static_cast<ssize_t>(get_fw.size()));
    answered = hubgate::test::wait_until(has_answer, 2s);
  }
  EXPECT_TRUE(answered);
  ::close(fd);
  EXPECT_TRUE(twin_->status().plugged);
}

}  // namespace
}  // namespace hubgate::sim::test
