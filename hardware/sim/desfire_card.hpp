// A virtual MIFARE DESFire EV1 card with AES keys: applications, keys, standard data files and
// EV1 secure messaging, answering native and ISO 7816-4 wrapped (CLA 90) commands.
#pragma once
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <vector>

#include "hardware/sim/desfire_crypto.hpp"
#include "hardware/sim/virtual_card.hpp"

namespace hubgate::sim {

namespace desfire {

// The card's status codes (SW2 after 91 when wrapped).
inline constexpr std::uint8_t status_ok = 0x00;
inline constexpr std::uint8_t out_of_memory = 0x0E;
inline constexpr std::uint8_t illegal_command = 0x1C;
inline constexpr std::uint8_t integrity_error = 0x1E;
inline constexpr std::uint8_t no_such_key = 0x40;
inline constexpr std::uint8_t length_error = 0x7E;
inline constexpr std::uint8_t permission_denied = 0x9D;
inline constexpr std::uint8_t parameter_error = 0x9E;
inline constexpr std::uint8_t application_not_found = 0xA0;
inline constexpr std::uint8_t authentication_error = 0xAE;
inline constexpr std::uint8_t additional_frame = 0xAF;
inline constexpr std::uint8_t boundary_error = 0xBE;
inline constexpr std::uint8_t count_error = 0xCE;
inline constexpr std::uint8_t duplicate_error = 0xDE;
inline constexpr std::uint8_t file_not_found = 0xF0;

// Answers are cut into frames of this much data (status excluded), fetched one by one with AF.
inline constexpr std::size_t max_frame_data = 59;
// EV1 sends the first 8 bytes of a CMAC.
inline constexpr std::size_t cmac_size = 8;

// Key settings bits of an application (and the PICC).
inline constexpr std::uint8_t master_key_changeable = 0x01;
inline constexpr std::uint8_t free_listing = 0x02;
inline constexpr std::uint8_t free_create = 0x04;

// Numbers in commands are little-endian (AIDs 3 bytes, offsets and lengths 3 bytes).
inline std::uint32_t little_endian(std::span<const std::uint8_t> b) {
  std::uint32_t v = 0;
  for (std::size_t i = b.size(); i-- > 0;) v = v << 8 | b[i];
  return v;
}

// File communication modes.
inline constexpr std::uint8_t comm_plain = 0x00;
inline constexpr std::uint8_t comm_maced = 0x01;
inline constexpr std::uint8_t comm_enciphered = 0x03;

struct key_slot {
  aes_key value{};
  std::uint8_t version = 0;
};

struct data_file {
  std::uint8_t comm = comm_plain;
  std::uint16_t access = 0;  // read, write, read&write, change rights: a nibble each, E free
  bytes data;
};

struct application {
  std::uint8_t key_settings = 0x0F;
  std::vector<key_slot> keys;
  std::map<std::uint8_t, data_file> files;
};

}  // namespace desfire

class desfire_card final : public apdu_handler {
 public:
  // A factory-fresh card. Its PICC master key is the AES zero key (version 0), where real
  // blank EV1 cards ship a 2K3DES zero key: the twin only speaks AES. Key settings 0F (free
  // listing and creation of applications, master key changeable), no applications.
  explicit desfire_card(bytes real_uid);

  bytes transceive(std::span<const std::uint8_t> command_apdu) override;
  // Back to the PICC level, unauthenticated, as after every activation of a real card.
  void activate() override;

  const bytes& real_uid() const { return real_uid_; }

 private:
  struct reply {
    std::uint8_t status = desfire::status_ok;
    bytes data;
  };
  struct session {
    std::uint8_t key_no = 0;
    desfire::aes_key key{};
    desfire::block iv{};
  };
  struct pending_auth {
    std::uint8_t key_no = 0;
    desfire::block rnd_b{};
    desfire::block iv{};
  };
  struct pending_write {
    bytes command;
    std::size_t expected = 0;
  };

  reply process(std::span<const std::uint8_t> command);
  reply continue_frames(std::span<const std::uint8_t> more);
  reply dispatch_maced(std::span<const std::uint8_t> command);

  // Secure messaging.
  void mac_command(std::span<const std::uint8_t> command);
  reply send_ok(bytes data);
  reply send_enciphered(std::span<const std::uint8_t> payload);
  reply queue_frames(reply whole, std::span<const std::size_t> first_sizes, std::size_t size);
  reply fail(std::uint8_t status);

  reply authenticate(std::span<const std::uint8_t> command);
  reply finish_authentication(std::span<const std::uint8_t> token);

  // PICC and application commands (desfire_commands.cpp and desfire_files.cpp).
  reply get_version();
  reply get_application_ids();
  reply create_application(std::span<const std::uint8_t> command);
  reply select_application(std::span<const std::uint8_t> command);
  reply change_key(std::span<const std::uint8_t> command);
  reply get_key_version(std::span<const std::uint8_t> command);
  reply get_key_settings();
  reply get_card_uid();
  reply create_std_data_file(std::span<const std::uint8_t> command);
  reply get_free_memory();
  reply get_file_ids();
  reply get_file_settings(std::span<const std::uint8_t> command);
  reply read_data(std::span<const std::uint8_t> command);
  reply write_data(std::span<const std::uint8_t> command);
  reply finish_write();

  desfire::application& current() { return applications_.at(selected_); }
  bool master_authenticated() const { return session_ && session_->key_no == 0; }
  // The communication mode for reading or writing `file` now; nullopt when access is denied.
  std::optional<std::uint8_t> file_mode(const desfire::data_file& file, bool write) const;
  std::size_t used_memory() const;

  bytes real_uid_;
  std::map<std::uint32_t, desfire::application> applications_;  // 0: the PICC level
  std::uint32_t selected_ = 0;
  std::optional<session> session_;
  std::optional<pending_auth> pending_auth_;
  std::optional<pending_write> pending_write_;
  std::deque<bytes> frames_;  // answer frames still to fetch with AF
};

// The card as anticollision sees it: ATQA 03 44, SAK 20, a DESFire ATS and a random 4-byte
// UID (08 ...) drawn anew each time, so the real UID leaves the card only after authentication.
virtual_card make_desfire_card(std::shared_ptr<desfire_card> card);
// A factory-fresh card with a random NXP 7-byte UID.
std::shared_ptr<desfire_card> make_blank_desfire();

}  // namespace hubgate::sim
