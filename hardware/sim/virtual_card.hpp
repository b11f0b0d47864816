// Virtual ISO/IEC 14443-A cards that can be placed on the emulated reader: UID, ATQA, SAK,
// optional ATS, a small memory for READ, and a pluggable ISO 14443-4 APDU handler.
#pragma once
#include <boost/system/result.hpp>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace hubgate::sim {

using bytes = std::vector<std::uint8_t>;

// What an ISO 14443-4 card application answers to one command APDU. A DESFire model plugs in
// here; the chip calls it for InDataExchange on cards whose SAK announces ISO 14443-4.
class apdu_handler {
 public:
  virtual ~apdu_handler() = default;
  virtual bytes transceive(std::span<const std::uint8_t> command_apdu) = 0;
  // The reader activated the card (anticollision and RATS): a card with state starts over.
  virtual void activate() {}
};

// Answers 90 00 to SELECT (CLA 00, INS A4) and 6D 00 (instruction not supported) otherwise.
class select_ok_handler final : public apdu_handler {
 public:
  bytes transceive(std::span<const std::uint8_t> command_apdu) override;
};

struct virtual_card {
  bytes uid;                      // 4, 7 or 10 bytes
  std::uint8_t atqa[2] = {0, 0};  // in the order the PN532 reports it (SENS_RES)
  std::uint8_t sak = 0;
  bytes ats;                           // without the TL byte; empty unless SAK has bit 0x20
  std::shared_ptr<apdu_handler> apdu;  // used when SAK has bit 0x20

  bool iso14443_4() const { return (sak & 0x20) != 0; }
  // 16 bytes from page `page` of the card memory (UID at the start, zeros after).
  bytes read_pages(std::uint8_t page) const;
  std::string uid_hex() const;
};

// Typical answers: 7-byte UIDs look like MIFARE Ultralight/NTAG (ATQA 00 44, SAK 00), 4-byte
// UIDs like MIFARE Classic 1K (ATQA 00 04, SAK 08).
virtual_card make_card(bytes uid);
// An ISO 14443-4 card (ATQA 03 44, SAK 20, DESFire-like ATS) answering through `handler`.
virtual_card make_iso_dep_card(bytes uid, std::shared_ptr<apdu_handler> handler);

boost::system::result<bytes> parse_hex(std::string_view text);
boost::system::result<bytes> parse_uid(std::string_view hex);
std::string to_hex(std::span<const std::uint8_t> data);

}  // namespace hubgate::sim
