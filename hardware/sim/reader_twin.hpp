// The software twin of one door's hardware: an emulated PN532 on a pty, the card in its field,
// the door I/O and the control socket, all driven by one poll thread. Usable in-process by
// tests (thread-safe methods below) and as the `hubgate-sim reader` process.
#pragma once
#include <boost/system/result.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "hardware/sim/gpio_model.hpp"
#include "hardware/sim/pn532_chip.hpp"
#include "hardware/sim/pn532_link.hpp"
#include "hardware/sim/pty_port.hpp"

namespace hubgate::sim {

class control_server;

struct twin_options {
  std::string link_path;     // becomes a symlink to the pty slave
  std::string control_path;  // Unix socket; empty: no control socket
  chip_timing timing;
  std::chrono::milliseconds button_press{50};
};

struct twin_status {
  std::string link;
  std::string pty;   // slave path, empty while unplugged
  std::string card;  // UID hex, empty without a card
  bool plugged = false;
  std::uint64_t commands = 0;
  bool chip_busy = false;  // a command is in flight (e.g. a poll waiting for a card)
};

class reader_twin {
 public:
  explicit reader_twin(twin_options options);
  ~reader_twin();
  reader_twin(const reader_twin&) = delete;
  reader_twin& operator=(const reader_twin&) = delete;

  boost::system::result<void> start();
  void stop();

  void place_card(virtual_card card);
  void remove_card();
  // Places the card and takes it off after `hold`.
  void tap(virtual_card card, std::chrono::milliseconds hold);
  void set_door(bool open);
  void press_button();
  void set_relay(bool on);
  bool get(gpio_line line);
  std::vector<gpio_event> timeline();

  void fault_garble(unsigned n);
  void fault_nack(unsigned n);
  void fault_mute(unsigned n);
  void fault_remove_mid_exchange();
  void unplug();
  boost::system::result<void> replug();

  twin_status status();
  // One control-protocol request; returns the reply lines (see control_protocol.hpp).
  std::vector<std::string> handle_line(std::string_view line);

 private:
  struct timer {
    sim_clock::time_point due;
    std::function<void()> action;  // runs with mutex_ held
  };
  void run();
  void wake();
  void add_timer(sim_clock::time_point due, std::function<void()> action);
  // Pty traffic and due timers; returns how long the next poll may sleep.
  int service_locked(short pty_revents, sim_clock::time_point now);
  void check_host_locked();

  twin_options options_;
  std::mutex mutex_;
  pn532_chip chip_;
  pn532_link link_{chip_};
  gpio_model gpio_;
  pty_port port_;
  bool plugged_ = false;
  bool host_absent_ = false;
  std::uint64_t card_generation_ = 0;
  std::vector<timer> timers_;
  std::vector<std::string> pending_events_;
  std::unique_ptr<control_server> server_;
  int wake_fds_[2] = {-1, -1};
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace hubgate::sim
