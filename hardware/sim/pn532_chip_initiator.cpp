// The initiator side of the chip model: activating, polling and exchanging with cards.
#include <algorithm>

#include "hardware/sim/pn532_chip.hpp"

namespace hubgate::sim {
namespace {

constexpr std::uint8_t automatic_rats = 0x10;  // SetParameters flag fAutomaticRATS

// libnfc sends the UID with cascade tags (88 ...) as InListPassiveTarget initiator data.
bytes strip_cascade_tags(std::span<const std::uint8_t> data) {
  if (data.size() == 8 && data[0] == 0x88) return bytes(data.begin() + 1, data.end());
  if (data.size() == 12 && data[0] == 0x88 && data[4] == 0x88) {
    bytes out(data.begin() + 1, data.begin() + 4);
    out.insert(out.end(), data.begin() + 5, data.end());
    return out;
  }
  return bytes(data.begin(), data.end());
}

// InAutoPoll target types that a type A card at 106 kbps answers to.
bool type_matches(std::uint8_t type, const virtual_card& card) {
  switch (type) {
    case 0x00:  // generic passive 106 kbps
    case 0x10:  // MIFARE / ISO 14443-3A
      return true;
    case 0x20:
      return card.iso14443_4();  // ISO 14443-4A
    default:
      return false;
  }
}

}  // namespace

bytes pn532_chip::target_data(const virtual_card& card) const {
  bytes data{0x01, card.atqa[0], card.atqa[1], card.sak,
             static_cast<std::uint8_t>(card.uid.size())};
  data.insert(data.end(), card.uid.begin(), card.uid.end());
  if (card.iso14443_4() && (parameters_ & automatic_rats) != 0 && !card.ats.empty()) {
    data.push_back(static_cast<std::uint8_t>(card.ats.size() + 1));
    data.insert(data.end(), card.ats.begin(), card.ats.end());
  }
  return data;
}

bool pn532_chip::card_matches(std::span<const std::uint8_t> initiator_data) const {
  if (!card_) return false;
  if (initiator_data.empty()) return true;
  return strip_cascade_tags(initiator_data) == card_->uid;
}

bool pn532_chip::target_present() const {
  return target_ && card_ && card_->uid == target_->uid;
}

void pn532_chip::do_list_passive(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.size() < 2 || p[0] < 1 || p[0] > 2 || p[1] > 0x04) return syntax_error(now);
  rf_field_ = true;
  target_.reset();
  in_flight f;
  f.kind = wait_kind::list_passive;
  f.command.assign(p.begin(), p.end());
  if (auto reply = poll_result(f, false)) {
    answer(pn532::in_list_passive_target, bytes(reply->payload.begin() + 2, reply->payload.end()),
           now + timing_.rf_exchange);
    return;
  }
  if (max_retry_passive_ == 0xFF) {
    // Retry forever: the answer comes when a card enters the field or the host aborts.
    in_flight_ = std::move(f);
    return;
  }
  answer(pn532::in_list_passive_target, {0x00},
         now + timing_.activation_attempt * (max_retry_passive_ + 1));
}

void pn532_chip::do_auto_poll(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.size() < 3 || p.size() > 17 || p[0] == 0 || p[1] < 1 || p[1] > 0x0F)
    return syntax_error(now);
  rf_field_ = true;
  target_.reset();
  in_flight f;
  f.kind = wait_kind::auto_poll;
  f.command.assign(p.begin(), p.end());
  if (auto reply = poll_result(f, false)) {
    answer(pn532::in_auto_poll, bytes(reply->payload.begin() + 2, reply->payload.end()),
           now + timing_.rf_exchange);
    return;
  }
  // PollNr rounds of Period x 150 ms over every requested type; 0xFF polls forever.
  if (p[0] != 0xFF) {
    const auto types = static_cast<long>(p.size() - 2);
    f.deadline = now + std::chrono::milliseconds(150L * p[1] * p[0] * types);
  }
  in_flight_ = std::move(f);
}

std::optional<chip_reply> pn532_chip::poll_result(const in_flight& f, bool give_up) {
  const std::uint8_t code =
      f.kind == wait_kind::auto_poll ? pn532::in_auto_poll : pn532::in_list_passive_target;
  bytes data;
  if (f.kind == wait_kind::list_passive) {
    const bool type_a = f.command[1] == 0x00;
    if (type_a && card_matches(std::span(f.command).subspan(2))) {
      const bytes target = target_data(*card_);
      data.push_back(0x01);
      data.insert(data.end(), target.begin(), target.end());
    }
  } else if (card_) {
    for (std::size_t i = 2; i < f.command.size(); ++i) {
      if (!type_matches(f.command[i], *card_)) continue;
      const bytes target = target_data(*card_);
      data = {0x01, f.command[i], static_cast<std::uint8_t>(target.size())};
      data.insert(data.end(), target.begin(), target.end());
      break;
    }
  }
  if (data.empty() && !give_up) return std::nullopt;
  if (data.empty()) {
    data.push_back(0x00);
  } else {
    target_ = target_state{card_->uid, true};
    if (card_->apdu) card_->apdu->activate();
  }
  chip_reply reply;
  reply.payload = {pn532::chip_tfi, static_cast<std::uint8_t>(code + 1)};
  reply.payload.insert(reply.payload.end(), data.begin(), data.end());
  return reply;
}

std::optional<bytes> pn532_chip::card_exchange(std::span<const std::uint8_t> frame, bool raw) {
  if (!target_present() || frame.empty()) return std::nullopt;
  const virtual_card& card = *card_;
  if (card.iso14443_4()) {
    if (!raw) {
      if (!card.apdu) return std::nullopt;
      return card.apdu->transceive(frame);
    }
    const std::uint8_t pcb = frame[0];
    if ((pcb & 0xF6) == 0xB2) return bytes{static_cast<std::uint8_t>(0xA2 | (pcb & 0x01))};
    if ((pcb & 0xE6) == 0x02 && card.apdu) {  // I-block: PCB then the APDU
      bytes out{pcb};
      const bytes rapdu = card.apdu->transceive(frame.subspan(1));
      out.insert(out.end(), rapdu.begin(), rapdu.end());
      return out;
    }
    return std::nullopt;
  }
  if (frame[0] == 0x30 && frame.size() >= 2) return card.read_pages(frame[1]);
  return std::nullopt;
}

void pn532_chip::do_data_exchange(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.empty()) return syntax_error(now);
  if ((p[0] & 0x0F) != 0x01 || !target_) {
    return answer(pn532::in_data_exchange, {pn532::status_bad_context}, now);
  }
  if (remove_mid_exchange_ && card_) {
    remove_mid_exchange_ = false;
    card_.reset();
  }
  auto response = card_exchange(p.subspan(1), false);
  if (!response) {
    return answer(pn532::in_data_exchange, {pn532::status_timeout}, now + timing_.rf_timeout);
  }
  response->insert(response->begin(), pn532::status_ok);
  answer(pn532::in_data_exchange, std::move(*response), now + timing_.rf_exchange);
}

void pn532_chip::do_communicate_thru(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (remove_mid_exchange_ && card_) {
    remove_mid_exchange_ = false;
    card_.reset();
  }
  // CIU_TxMode framing bits: only ISO 14443-A framing (00) reaches a type A card.
  const bool type_a_framing = (register_value(0x6302) & 0x03) == 0x00;
  auto response = type_a_framing ? card_exchange(p, true) : std::nullopt;
  if (!response) {
    return answer(pn532::in_communicate_thru, {pn532::status_timeout}, now + timing_.rf_timeout);
  }
  response->insert(response->begin(), pn532::status_ok);
  answer(pn532::in_communicate_thru, std::move(*response), now + timing_.rf_exchange);
}

void pn532_chip::do_target_command(std::uint8_t code, std::span<const std::uint8_t> p,
                                   sim_clock::time_point now) {
  if (p.size() != 1 || p[0] > 0x02) return syntax_error(now);
  if (code == pn532::in_release) {
    target_.reset();
    return answer(code, {pn532::status_ok}, now);
  }
  if (code == pn532::in_deselect) {
    if (target_) target_->selected = false;
    return answer(code, {pn532::status_ok}, now);
  }
  if (!target_) return answer(code, {pn532::status_bad_context}, now);
  if (!target_present()) return answer(code, {pn532::status_timeout}, now + timing_.rf_timeout);
  target_->selected = true;
  answer(code, {pn532::status_ok}, now + timing_.rf_exchange);
}

}  // namespace hubgate::sim
