#include "hardware/sim/virtual_card.hpp"

#include <fmt/format.h>

#include "hardware/sim/sim_error.hpp"

namespace hubgate::sim {

bytes select_ok_handler::transceive(std::span<const std::uint8_t> apdu) {
  if (apdu.size() >= 2 && apdu[0] == 0x00 && apdu[1] == 0xA4) return {0x90, 0x00};
  return {0x6D, 0x00};
}

bytes virtual_card::read_pages(std::uint8_t page) const {
  bytes out(16, 0x00);
  const std::size_t offset = std::size_t{page} * 4;
  for (std::size_t i = 0; i < out.size(); ++i)
    if (offset + i < uid.size()) out[i] = uid[offset + i];
  return out;
}

std::string virtual_card::uid_hex() const {
  return to_hex(uid);
}

virtual_card make_card(bytes uid) {
  virtual_card card;
  if (uid.size() == 4) {
    card.atqa[0] = 0x00;
    card.atqa[1] = 0x04;
    card.sak = 0x08;
  } else {
    card.atqa[0] = 0x00;
    card.atqa[1] = 0x44;
    card.sak = 0x00;
  }
  card.uid = std::move(uid);
  return card;
}

virtual_card make_iso_dep_card(bytes uid, std::shared_ptr<apdu_handler> handler) {
  virtual_card card;
  card.uid = std::move(uid);
  card.atqa[0] = 0x03;
  card.atqa[1] = 0x44;
  card.sak = 0x20;
  card.ats = {0x75, 0x77, 0x81, 0x02, 0x80};
  card.apdu = std::move(handler);
  return card;
}

boost::system::result<bytes> parse_hex(std::string_view text) {
  if (text.size() % 2 != 0) return sim_errc::bad_request;
  bytes out;
  out.reserve(text.size() / 2);
  auto nibble = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const int hi = nibble(text[i]);
    const int lo = nibble(text[i + 1]);
    if (hi < 0 || lo < 0) return sim_errc::bad_request;
    out.push_back(static_cast<std::uint8_t>(hi << 4 | lo));
  }
  return out;
}

boost::system::result<bytes> parse_uid(std::string_view hex) {
  auto uid = parse_hex(hex);
  if (!uid || (uid->size() != 4 && uid->size() != 7 && uid->size() != 10)) return sim_errc::bad_uid;
  return uid;
}

std::string to_hex(std::span<const std::uint8_t> data) {
  std::string out;
  out.reserve(data.size() * 2);
  for (std::uint8_t b : data) out += fmt::format("{:02X}", b);
  return out;
}

}  // namespace hubgate::sim
