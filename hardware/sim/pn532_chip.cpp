#include "hardware/sim/pn532_chip.hpp"

#include <algorithm>

namespace hubgate::sim {

void pn532_chip::answer(std::uint8_t code, bytes data, sim_clock::time_point due) {
  in_flight f;
  f.kind = wait_kind::scheduled;
  f.due = due;
  f.reply.payload.reserve(data.size() + 2);
  f.reply.payload.push_back(pn532::chip_tfi);
  f.reply.payload.push_back(static_cast<std::uint8_t>(code + 1));
  f.reply.payload.insert(f.reply.payload.end(), data.begin(), data.end());
  in_flight_ = std::move(f);
}

void pn532_chip::syntax_error(sim_clock::time_point now) {
  in_flight f;
  f.kind = wait_kind::scheduled;
  f.due = now;
  f.reply.error_frame = true;
  in_flight_ = std::move(f);
}

void pn532_chip::execute(std::span<const std::uint8_t> payload, sim_clock::time_point now) {
  in_flight_.reset();
  ++commands_;
  // Any frame on the serial line wakes the chip from power-down.
  powered_down_ = false;
  if (payload.size() < 2 || payload[0] != pn532::host_tfi) return syntax_error(now);
  const std::uint8_t code = payload[1];
  const auto p = payload.subspan(2);
  switch (code) {
    case pn532::diagnose:
      return do_diagnose(p, now);
    case pn532::get_firmware_version:
      // PN532 (IC 0x32), firmware 1.6, supports ISO 14443-A, -B and ISO 18092.
      return answer(code, {0x32, 0x01, 0x06, 0x07}, now);
    case pn532::get_general_status:
      return do_general_status(now);
    case pn532::read_register:
      return do_read_register(p, now);
    case pn532::write_register:
      return do_write_register(p, now);
    case pn532::set_parameters:
      if (p.size() != 1) return syntax_error(now);
      parameters_ = p[0];
      return answer(code, {}, now);
    case pn532::sam_configuration:
      if (p.empty() || p.size() > 3 || p[0] < 1 || p[0] > 4) return syntax_error(now);
      sam_mode_ = p[0];
      return answer(code, {}, now);
    case pn532::power_down:
      if (p.empty() || p.size() > 2) return syntax_error(now);
      powered_down_ = true;
      rf_field_ = false;
      return answer(code, {pn532::status_ok}, now);
    case pn532::rf_configuration:
      return do_rf_configuration(p, now);
    case pn532::in_list_passive_target:
      return do_list_passive(p, now);
    case pn532::in_auto_poll:
      return do_auto_poll(p, now);
    case pn532::in_data_exchange:
      return do_data_exchange(p, now);
    case pn532::in_communicate_thru:
      return do_communicate_thru(p, now);
    case pn532::in_deselect:
    case pn532::in_release:
    case pn532::in_select:
      return do_target_command(code, p, now);
    default:
      return syntax_error(now);
  }
}

std::optional<chip_reply> pn532_chip::take_reply(sim_clock::time_point now) {
  if (!in_flight_) return std::nullopt;
  in_flight& f = *in_flight_;
  if (f.kind == wait_kind::scheduled) {
    if (now < f.due) return std::nullopt;
    chip_reply reply = std::move(f.reply);
    in_flight_.reset();
    return reply;
  }
  const bool give_up = f.deadline && now >= *f.deadline;
  auto reply = poll_result(f, give_up);
  if (!reply) return std::nullopt;
  // A card that just entered the field still needs its activation on the air.
  in_flight done;
  done.kind = wait_kind::scheduled;
  done.due = now + timing_.rf_exchange;
  done.reply = std::move(*reply);
  in_flight_ = std::move(done);
  return std::nullopt;
}

std::optional<sim_clock::time_point> pn532_chip::next_wakeup(sim_clock::time_point now) const {
  if (!in_flight_) return std::nullopt;
  if (in_flight_->kind == wait_kind::scheduled) return in_flight_->due;
  auto tick = now + timing_.detect_tick;
  if (in_flight_->deadline) tick = std::min(tick, *in_flight_->deadline);
  return tick;
}

std::uint8_t pn532_chip::register_value(std::uint16_t address) const {
  const auto it = registers_.find(address);
  return it == registers_.end() ? 0x00 : it->second;
}

void pn532_chip::do_diagnose(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.empty()) return syntax_error(now);
  switch (p[0]) {
    case 0x00:  // communication line test: echo NumTst and the data
      return answer(pn532::diagnose, bytes(p.begin(), p.end()), now);
    case 0x01:  // ROM test
    case 0x02:  // RAM test
    case 0x07:  // antenna self-test
      return answer(pn532::diagnose, {pn532::status_ok}, now);
    case 0x06: {  // card presence: ISO 14443-4 ping of the selected target
      const bool present = target_present();
      return answer(pn532::diagnose, {present ? pn532::status_ok : pn532::status_timeout},
                    now + (present ? timing_.rf_exchange : timing_.rf_timeout));
    }
    default:
      return syntax_error(now);
  }
}

void pn532_chip::do_general_status(sim_clock::time_point now) {
  bytes data{pn532::status_ok, static_cast<std::uint8_t>(rf_field_ ? 1 : 0)};
  if (target_ && target_->selected) {
    data.insert(data.end(), {0x01, 0x01, 0x00, 0x00, 0x00});  // one target, Tg 1, 106 kbps A
  } else {
    data.push_back(0x00);
  }
  data.push_back(0x00);  // SAM status
  answer(pn532::get_general_status, std::move(data), now);
}

void pn532_chip::do_read_register(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.empty() || p.size() % 2 != 0) return syntax_error(now);
  bytes values;
  for (std::size_t i = 0; i < p.size(); i += 2)
    values.push_back(register_value(static_cast<std::uint16_t>(p[i] << 8 | p[i + 1])));
  answer(pn532::read_register, std::move(values), now);
}

void pn532_chip::do_write_register(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.empty() || p.size() % 3 != 0) return syntax_error(now);
  for (std::size_t i = 0; i < p.size(); i += 3)
    registers_[static_cast<std::uint16_t>(p[i] << 8 | p[i + 1])] = p[i + 2];
  answer(pn532::write_register, {}, now);
}

void pn532_chip::do_rf_configuration(std::span<const std::uint8_t> p, sim_clock::time_point now) {
  if (p.empty()) return syntax_error(now);
  const auto data = p.subspan(1);
  // Expected data length per configuration item (user manual 7.3.1).
  std::size_t expected = 0;
  switch (p[0]) {
    case 0x01:
      expected = 1;
      break;  // RF field
    case 0x02:
      expected = 3;
      break;  // various timings
    case 0x04:
      expected = 1;
      break;  // MaxRtyCOM
    case 0x05:
      expected = 3;
      break;  // MaxRetries: ATR_REQ, PSL_REQ, passive activation
    case 0x0A:
      expected = 11;
      break;  // analog settings, 106 kbps type A
    case 0x0B:
      expected = 8;
      break;  // analog settings, 212/424 kbps
    case 0x0C:
      expected = 3;
      break;  // analog settings, type B
    case 0x0D:
      expected = 9;
      break;  // analog settings, ISO/IEC 14443-4 212/424/848 kbps
    default:
      return syntax_error(now);
  }
  if (data.size() != expected) return syntax_error(now);
  if (p[0] == 0x01) rf_field_ = (data[0] & 0x01) != 0;
  if (p[0] == 0x05) max_retry_passive_ = data[2];
  answer(pn532::rf_configuration, {}, now);
}

}  // namespace hubgate::sim
