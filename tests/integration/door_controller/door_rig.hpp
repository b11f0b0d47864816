// A real door under test: hubgate-sim (emulated PN532 on a pty + simulated GPIO) and
// hubgate-door talking to it through libnfc's pn532_uart driver, in a temporary directory,
// with a freshly generated list-signing key pair and list key.
#pragma once
#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "door_controller/io/control_socket.hpp"
#include "hubgate/test/child_process.hpp"
#include "hubgate/test/temp_dir.hpp"
#include "protocol/access_list.hpp"
#include "protocol/event.hpp"
#include "protocol/keys.hpp"

namespace hubgate::test {

struct timeline_entry {
  long ms = 0;
  std::string line;   // relay, door, button
  std::string state;  // on, off, open, closed, pressed, released
};

// Card UIDs the rig's lists know about.
inline const std::string allowed_uid = "04A1B2C3D4E5F6";
inline const std::string revoked_uid = "04BEEF000000A1";
inline const std::string expired_uid = "04C0FFEE0000B2";
inline const std::string unknown_uid = "04556677";

struct rig_options {
  int unlock_ms = 400;
  int held_open_ms = 1500;
  int list_check_ms = 100;
  int poll_ms = 10;
};

class door_rig {
 public:
  explicit door_rig(rig_options options = {});
  ~door_rig();

  void start_sim();
  void start_door(std::map<std::string, std::string> env = {});
  void stop_door(int signal);  // and waits for it to exit
  void kill_door();
  child_process& door() { return *door_; }

  // The list the rig writes by default: allowed_uid opens now, revoked_uid is revoked,
  // expired_uid had a window that ended an hour ago.
  protocol::access_list standard_list() const;
  std::string signed_list_text(const protocol::access_list& list, std::uint64_t sequence) const;
  void write_list_file(const std::string& text);  // atomically, via rename

  // One control request; fails the test on a transport error.
  std::string control(const std::string& line);
  std::vector<timeline_entry> timeline();
  int relay_pulses();  // completed on->off pairs of the relay
  std::vector<protocol::access_event> events();
  std::vector<protocol::access_event> events_of(protocol::event_kind kind);
  // Waits until `n` events of `kind` are queued.
  bool wait_events(protocol::event_kind kind, std::size_t n = 1,
                   std::chrono::milliseconds deadline = std::chrono::seconds(30));
  // Waits until libnfc is talking to the twin (the daemon's reader is open and polling).
  bool wait_reader_polling(long commands = 10);
  // Waits until the card is off the reader and the reader has polled the empty field often
  // enough (20 polls of at least poll_ms each) for the next tap to count as a new one.
  bool wait_card_removed();

  std::string door_log() const;
  const temp_dir& dir() const { return dir_; }
  std::string uid_pseudonym_hex(const std::string& uid_hex) const;

 private:
  rig_options options_;
  temp_dir dir_;
  std::string link_;
  std::string control_path_;
  std::string config_path_;
  std::string list_path_;
  std::vector<std::uint8_t> list_key_;
  std::optional<protocol::signing_key> signing_key_;
  std::unique_ptr<child_process> sim_;
  std::unique_ptr<child_process> door_;
  int door_starts_ = 0;
};

}  // namespace hubgate::test
