// The board half of the live-link rig: one emulated reader (hubgate-sim) and one enrolled
// hubgate-door, with taps and the board's own log and store.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "door_controller/io/control_socket.hpp"
#include "hubgate/test/net_util.hpp"
#include "link_rig.hpp"

namespace hubgate::test {
namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::size_t count_of(const std::string& text, const std::string& needle) {
  std::size_t n = 0;
  for (auto at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace

board::board(link_rig& rig, std::string name)
    : rig_(rig), name_(std::move(name)), dir_(rig.dir() / ("board-" + name_)) {
  std::filesystem::create_directories(dir_);
  std::ostringstream config;
  config << "data_dir = \"" << dir_ << "/data\"\n"
         << "[reader]\nconnstring = \"pn532_uart:" << dir_ << "/reader\"\n"
         << "poll_ms = 10\ndebounce_ms = 150\nbackoff_min_ms = 50\nbackoff_max_ms = 400\n"
         << "[door]\nunlock_ms = 400\nheld_open_ms = 60000\n"
         << "[io]\nbackend = \"sim\"\nsim_control = \"" << dir_ << "/sim.sock\"\n"
         << "[list]\ncheck_ms = 100\nmax_age_s = 3600\n"
         << "[link]\nenabled = true\nping_ms = 1000\ndead_ms = 3000\nbackoff_min_ms = 100\n"
         << "backoff_max_ms = 1000\nresend_ms = 3000\n"
         << "[log]\nlevel = \"debug\"\n";
  write_text(dir_ + "/door.toml", config.str());
}

board::~board() {
  door_.reset();
  sim_.reset();
}

int board::enroll(const std::string& token, const std::string& ca_hash) {
  child_process enrol(
      {HUBGATE_DOOR_BIN, "enroll", "--service", "https://127.0.0.1:" + std::to_string(rig_.port()),
       "--token", token, "--ca-hash", ca_hash, "--config", dir_ + "/door.toml"},
      dir_ + "/enroll.log");
  const auto status = enrol.wait_exit(60);
  if (!status) return -1;
  return WIFEXITED(*status) ? WEXITSTATUS(*status) : 128 + WTERMSIG(*status);
}

std::string board::enroll_output() const {
  return read_file(dir_ + "/enroll.log");
}

void board::start_sim() {
  sim_ = std::make_unique<child_process>(
      std::vector<std::string>{HUBGATE_SIM_BIN, "reader", "--link", dir_ + "/reader", "--control",
                               dir_ + "/sim.sock"},
      dir_ + "/sim.log");
  ASSERT_TRUE(wait_until([&] {
    return std::filesystem::exists(dir_ + "/reader") && control("status").rfind("ok", 0) == 0;
  })) << read_file(dir_ + "/sim.log");
}

void board::start_door() {
  const auto starts = log_count("\"event\":\"started\"");
  door_ = std::make_unique<child_process>(
      std::vector<std::string>{HUBGATE_DOOR_BIN, "--config", dir_ + "/door.toml"},
      dir_ + "/door.log");
  ASSERT_TRUE(
      wait_until([&] { return log_count("\"event\":\"started\"") > starts || !door_->running(); }));
  ASSERT_TRUE(door_->running()) << door_log();
}

void board::stop_door() {
  door_->signal(SIGTERM);
  ASSERT_TRUE(door_->wait_exit(30).has_value()) << "hubgate-door did not stop";
}

void board::kill_door() {
  door_->kill_hard();
}

bool board::door_running() {
  return door_ && door_->running();
}

std::string board::control(const std::string& line) {
  auto socket = door::control_socket::connect(dir_ + "/sim.sock");
  if (!socket) return {};
  auto reply = socket->request(line, 10000);
  return reply ? *reply : std::string();
}

std::optional<bool> board::tap_once(const std::string& uid) {
  const auto granted = log_count("\"event\":\"tap_granted\"");
  const auto denied = log_count("\"event\":\"tap_denied\"");
  child_process tap(
      {HUBGATE_SIM_BIN, "tap", "--control", dir_ + "/sim.sock", "--uid", uid, "--hold", "200"},
      dir_ + "/tap.log");
  tap.wait_exit(30);
  std::optional<bool> decided;
  wait_until(
      [&] {
        if (log_count("\"event\":\"tap_granted\"") > granted)
          decided = true;
        else if (log_count("\"event\":\"tap_denied\"") > denied)
          decided = false;
        return decided.has_value();
      },
      std::chrono::seconds(10));
  wait_card_removed();
  return decided;
}

bool board::tap_until(const std::string& uid, bool granted, std::chrono::milliseconds deadline) {
  return wait_until([&] { return tap_once(uid) == granted; }, deadline,
                    std::chrono::milliseconds(200));
}

bool board::wait_card_removed() {
  // The reader must see the empty field for a while before the same card taps again.
  const auto commands = [this]() -> long {
    const std::string status = control("status");
    const auto at = status.find("commands=");
    return at == std::string::npos ? -1 : std::stol(status.substr(at + 9));
  };
  if (!wait_until([&] { return control("status").find("card=none") != std::string::npos; }))
    return false;
  const long before = commands();
  return wait_until([&] { return commands() > before + 20; });
}

bool board::link_is_up() const {
  const std::string log = door_log();
  const auto up = log.rfind("\"event\":\"link_up\"");
  const auto down = log.rfind("\"event\":\"link_down\"");
  return up != std::string::npos && (down == std::string::npos || down < up);
}

bool board::wait_link_up(std::chrono::milliseconds deadline) {
  return wait_until([&] { return link_is_up(); }, deadline);
}

long board::queued_events() {
  const std::string out = dir_ + "/queued.jsonl";
  std::filesystem::remove(out);
  child_process lister({HUBGATE_DOOR_BIN, "events", "--config", dir_ + "/door.toml"}, out);
  const auto status = lister.wait_exit(30);
  if (!status || !WIFEXITED(*status) || WEXITSTATUS(*status) != 0) return -1;
  return static_cast<long>(count_of(read_file(out), "\"id\":"));
}

std::size_t board::log_count(const std::string& event) const {
  return count_of(door_log(), event);
}

std::string board::door_log() const {
  return read_file(dir_ + "/door.log");
}
std::string board::store_path() const {
  return dir_ + "/data/door.sqlite";
}
std::string board::data_dir() const {
  return dir_ + "/data";
}

}  // namespace hubgate::test
