// The PN532 as a stateful chip model: executes host commands against its register file,
// RF settings and the card in its field, and paces answers like the real chip. Pure: time is
// passed in, no I/O, so it is unit-tested command by command and fuzzed.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <span>

#include "hardware/sim/virtual_card.hpp"

namespace hubgate::sim {

using sim_clock = std::chrono::steady_clock;

namespace pn532 {
inline constexpr std::uint8_t host_tfi = 0xD4;
inline constexpr std::uint8_t chip_tfi = 0xD5;
inline constexpr std::uint8_t diagnose = 0x00;
inline constexpr std::uint8_t get_firmware_version = 0x02;
inline constexpr std::uint8_t get_general_status = 0x04;
inline constexpr std::uint8_t read_register = 0x06;
inline constexpr std::uint8_t write_register = 0x08;
inline constexpr std::uint8_t set_parameters = 0x12;
inline constexpr std::uint8_t sam_configuration = 0x14;
inline constexpr std::uint8_t power_down = 0x16;
inline constexpr std::uint8_t rf_configuration = 0x32;
inline constexpr std::uint8_t in_data_exchange = 0x40;
inline constexpr std::uint8_t in_communicate_thru = 0x42;
inline constexpr std::uint8_t in_deselect = 0x44;
inline constexpr std::uint8_t in_list_passive_target = 0x4A;
inline constexpr std::uint8_t in_release = 0x52;
inline constexpr std::uint8_t in_select = 0x54;
inline constexpr std::uint8_t in_auto_poll = 0x60;
// Status byte values (user manual, table "Error code list").
inline constexpr std::uint8_t status_ok = 0x00;
inline constexpr std::uint8_t status_timeout = 0x01;
inline constexpr std::uint8_t status_bad_context = 0x27;
}  // namespace pn532

struct chip_reply {
  bool error_frame = false;  // syntax error: the transport sends the error frame
  bytes payload;             // D5, command code + 1, data
  bool operator==(const chip_reply&) const = default;
};

// Pacing of answers that involve the RF side. Real chips take a few milliseconds per
// activation attempt; tests may shrink or stretch these.
struct chip_timing {
  std::chrono::milliseconds rf_exchange{4};         // card answers a frame (RF + UART time)
  std::chrono::milliseconds rf_timeout{5};          // nothing answers a frame
  std::chrono::milliseconds activation_attempt{3};  // one REQA/anticollision without a card
  std::chrono::milliseconds detect_tick{5};         // how often a waiting poll looks again
};

class pn532_chip {
 public:
  explicit pn532_chip(chip_timing timing = {}) : timing_(timing) {}

  // Starts a host command (payload = TFI D4, command code, parameters). A command still in
  // flight is dropped, as the chip does when the host gives up and sends a new one.
  void execute(std::span<const std::uint8_t> payload, sim_clock::time_point now);
  // The answer to the command in flight once it is due (or once a waited-for card appears).
  std::optional<chip_reply> take_reply(sim_clock::time_point now);
  // When take_reply should be called again; nullopt when nothing is in flight.
  std::optional<sim_clock::time_point> next_wakeup(sim_clock::time_point now) const;
  // The host's ACK: abandon the command in flight without answering.
  void abort() { in_flight_.reset(); }
  bool busy() const { return in_flight_.has_value(); }

  void place_card(virtual_card card) { card_ = std::move(card); }
  void remove_card() { card_.reset(); }
  const std::optional<virtual_card>& card() const { return card_; }
  // Takes the card away while the next InDataExchange/InCommunicateThru is on the air.
  void remove_card_during_next_exchange() { remove_mid_exchange_ = true; }

  std::uint8_t register_value(std::uint16_t address) const;
  bool rf_field_on() const { return rf_field_; }
  bool powered_down() const { return powered_down_; }
  std::uint8_t passive_activation_retries() const { return max_retry_passive_; }
  std::uint64_t commands_executed() const { return commands_; }

 private:
  enum class wait_kind { scheduled, list_passive, auto_poll };
  struct in_flight {
    wait_kind kind = wait_kind::scheduled;
    sim_clock::time_point due;
    std::optional<sim_clock::time_point> deadline;  // waits: when to give up (none: forever)
    bytes command;                                  // parameters of a waiting command
    chip_reply reply;                               // scheduled: the answer to send at `due`
  };
  struct target_state {
    bytes uid;
    bool selected = false;
  };

  void answer(std::uint8_t code, bytes data, sim_clock::time_point due);
  void syntax_error(sim_clock::time_point now);

  void do_diagnose(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_general_status(sim_clock::time_point now);
  void do_read_register(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_write_register(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_rf_configuration(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_list_passive(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_auto_poll(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_data_exchange(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_communicate_thru(std::span<const std::uint8_t> p, sim_clock::time_point now);
  void do_target_command(std::uint8_t code, std::span<const std::uint8_t> p,
                         sim_clock::time_point now);

  // Target data as InListPassiveTarget reports it: Tg, ATQA, SAK, UID length, UID, [ATS].
  bytes target_data(const virtual_card& card) const;
  bool card_matches(std::span<const std::uint8_t> initiator_data) const;
  bool target_present() const;
  std::optional<chip_reply> poll_result(const in_flight& f, bool give_up);
  // Card-side processing of one frame; nullopt when nothing answers.
  std::optional<bytes> card_exchange(std::span<const std::uint8_t> frame, bool raw);

  chip_timing timing_;
  std::optional<in_flight> in_flight_;
  std::optional<virtual_card> card_;
  std::optional<target_state> target_;
  std::map<std::uint16_t, std::uint8_t> registers_;
  std::uint8_t parameters_ = 0;
  std::uint8_t sam_mode_ = 1;
  bool rf_field_ = false;
  bool powered_down_ = false;
  bool remove_mid_exchange_ = false;
  std::uint8_t max_retry_passive_ = 0xFF;  // power-on default: retry forever
  std::uint64_t commands_ = 0;
};

}  // namespace hubgate::sim
