// The control socket's request lines (the contract shared with door_controller's `sim` io
// backend), mapped onto the twin. One reply line per request, `gpio` excepted.
#include <fmt/format.h>

#include <charconv>

#include "hardware/sim/desfire_card.hpp"
#include "hardware/sim/reader_twin.hpp"

namespace hubgate::sim {
namespace {

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t pos = 0;
  while (pos < line.size()) {
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    const std::size_t start = pos;
    while (pos < line.size() && line[pos] != ' ' && line[pos] != '\t') ++pos;
    if (pos > start) words.push_back(line.substr(start, pos - start));
  }
  return words;
}

std::optional<unsigned> parse_count(std::string_view text) {
  unsigned value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

using words = std::vector<std::string_view>;
using reply = std::vector<std::string>;

reply err(std::string_view reason) {
  return {fmt::format("err {}", reason)};
}
reply ok() {
  return {"ok"};
}

// `tap <uid> [hold_ms [atqa sak]]` or `place <uid> [atqa sak]`. An ATQA/SAK of an ISO 14443-4
// card makes a card that answers SELECT. `blank-desfire` instead of a UID is a factory-fresh
// DESFire EV1 card (AES zero master key) with a random real UID, anticollision UID random too.
reply handle_card(reader_twin& twin, const words& w) {
  const std::string_view cmd = w[0];
  if (w.size() < 2) return err("usage: tap <uidhex>|blank-desfire [hold_ms [atqa_hex4 sak_hex2]]");
  const bool desfire = w[1] == "blank-desfire";
  auto uid = desfire ? boost::system::result<bytes>(bytes{}) : parse_uid(w[1]);
  if (!uid) return err("uid must be 4, 7 or 10 bytes of hex");
  virtual_card card =
      desfire ? make_desfire_card(make_blank_desfire()) : make_card(std::move(*uid));
  std::optional<unsigned> hold = 300;
  if (cmd == "tap" && w.size() >= 3) hold = parse_count(w[2]);
  if (!hold || (cmd == "place" && w.size() > 2) || w.size() == 4 || w.size() > 5 ||
      (desfire && w.size() > 3))
    return err("bad arguments");
  if (w.size() == 5) {
    auto atqa = parse_hex(w[3]);
    auto sak = parse_hex(w[4]);
    if (!atqa || atqa->size() != 2 || !sak || sak->size() != 1) return err("bad atqa or sak");
    card.atqa[0] = (*atqa)[0];
    card.atqa[1] = (*atqa)[1];
    card.sak = (*sak)[0];
    if (card.iso14443_4()) {
      card.ats = {0x75, 0x77, 0x81, 0x02, 0x80};
      card.apdu = std::make_shared<select_ok_handler>();
    }
  }
  if (cmd == "place") {
    twin.place_card(std::move(card));
  } else {
    twin.tap(std::move(card), std::chrono::milliseconds(*hold));
  }
  return ok();
}

// `fault <kind> [count]`: the reader misbehaves for the next `count` frames, or unplugs.
reply handle_fault(reader_twin& twin, const words& w) {
  const std::string_view kind = w[1];
  std::optional<unsigned> n = 1;
  if (w.size() == 3) n = parse_count(w[2]);
  if (!n || *n == 0) return err("fault count must be a positive number");
  if (kind == "garble")
    twin.fault_garble(*n);
  else if (kind == "nack")
    twin.fault_nack(*n);
  else if (kind == "mute")
    twin.fault_mute(*n);
  else if (kind == "remove-mid-exchange" && w.size() == 2)
    twin.fault_remove_mid_exchange();
  else if (kind == "unplug" && w.size() == 2)
    twin.unplug();
  else if (kind == "replug" && w.size() == 2) {
    if (auto r = twin.replug(); !r)
      return err(fmt::format("replug failed: {}", r.error().message()));
  } else {
    return err(fmt::format("unknown fault '{}'", kind));
  }
  return ok();
}

reply inputs_reply(reader_twin& twin) {
  return {fmt::format("ok door={} button={} relay={}",
                      state_name(gpio_line::door, twin.get(gpio_line::door)),
                      state_name(gpio_line::button, twin.get(gpio_line::button)),
                      state_name(gpio_line::relay, twin.get(gpio_line::relay)))};
}

reply gpio_reply(reader_twin& twin) {
  reply lines;
  for (const auto& e : twin.timeline()) lines.push_back(format_event(e));
  lines.emplace_back("ok");
  return lines;
}

reply status_reply(reader_twin& twin) {
  const twin_status s = twin.status();
  return {fmt::format("ok link={} pty={} card={} plugged={} commands={}", s.link,
                      s.pty.empty() ? "none" : s.pty, s.card.empty() ? "none" : s.card,
                      s.plugged ? "yes" : "no", s.commands)};
}

// The one-word-ish requests that drive the door's inputs and outputs.
std::optional<reply> handle_gpio(reader_twin& twin, const words& w) {
  const std::string_view cmd = w[0];
  if (cmd == "door" && w.size() == 2 && (w[1] == "open" || w[1] == "close")) {
    twin.set_door(w[1] == "open");
    return ok();
  }
  if (cmd == "button" && w.size() == 1) {
    twin.press_button();
    return ok();
  }
  if (cmd == "set" && w.size() == 3 && w[1] == "relay" && (w[2] == "on" || w[2] == "off")) {
    twin.set_relay(w[2] == "on");
    return ok();
  }
  if (cmd == "get" && w.size() == 2 && w[1] == "inputs") return inputs_reply(twin);
  if (cmd == "gpio" && w.size() == 1) return gpio_reply(twin);
  return std::nullopt;
}

}  // namespace

std::vector<std::string> reader_twin::handle_line(std::string_view line) {
  const auto w = split_words(line);
  if (w.empty()) return err("empty request");
  const std::string_view cmd = w[0];
  if (cmd == "tap" || cmd == "place") return handle_card(*this, w);
  if (cmd == "remove" && w.size() == 1) {
    remove_card();
    return ok();
  }
  if (auto r = handle_gpio(*this, w)) return std::move(*r);
  if (cmd == "status" && w.size() == 1) return status_reply(*this);
  if (cmd == "fault" && w.size() >= 2 && w.size() <= 3) return handle_fault(*this, w);
  return err(fmt::format("unknown request '{}'", cmd));
}

}  // namespace hubgate::sim
