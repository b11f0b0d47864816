#include "door_rig.hpp"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "hubgate/test/net_util.hpp"
#include "protocol/access_list_json.hpp"
#include "protocol/envelope.hpp"
#include "protocol/hex.hpp"
#include "protocol/pseudonym.hpp"

namespace hubgate::test {
namespace {

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::vector<std::uint8_t> uid_bytes(const std::string& hex) {
  std::vector<std::uint8_t> out(hex.size() / 2);
  EXPECT_TRUE(protocol::from_hex(hex, out)) << hex;
  return out;
}

std::int64_t now_seconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

door_rig::door_rig(rig_options options) : options_(options), dir_("hubgate-door") {
  link_ = dir_ / "reader";
  control_path_ = dir_ / "sim.sock";
  config_path_ = dir_ / "door.toml";
  list_path_ = dir_ / "list.json";

  auto key = protocol::signing_key::generate();
  if (!key) throw std::runtime_error("cannot generate a signing key");
  signing_key_.emplace(std::move(*key));
  write_text(dir_ / "verify.pem", signing_key_->public_key().to_pem());

  std::random_device random;
  list_key_.resize(32);
  for (auto& b : list_key_) b = static_cast<std::uint8_t>(random());
  write_text(dir_ / "list.key", protocol::to_hex(list_key_) + "\n");

  std::ostringstream config;
  config << "controller_id = \"ctl-test\"\n"
         << "door_id = \"door-1\"\n"
         << "data_dir = \"" << (dir_ / "data") << "\"\n"
         << "[reader]\nconnstring = \"pn532_uart:" << link_ << "\"\n"
         << "poll_ms = " << options_.poll_ms
         << "\ndebounce_ms = 150\nbackoff_min_ms = 50\nbackoff_max_ms = 400\n"
         << "max_errors = 2\n"
         << "[door]\nunlock_ms = " << options_.unlock_ms
         << "\nheld_open_ms = " << options_.held_open_ms << "\n"
         << "[io]\nbackend = \"sim\"\nsim_control = \"" << control_path_ << "\"\n"
         << "[list]\nfile = \"" << list_path_ << "\"\ncheck_ms = " << options_.list_check_ms
         << "\nmax_age_s = 3600\n"
         << "[keys]\nverify_key = \"" << (dir_ / "verify.pem") << "\"\nlist_key = \""
         << (dir_ / "list.key") << "\"\n"
         << "[log]\nlevel = \"debug\"\n";
  write_text(config_path_, config.str());
  write_list_file(signed_list_text(standard_list(), 1));
}

door_rig::~door_rig() {
  door_.reset();
  sim_.reset();
}

void door_rig::start_sim() {
  sim_ =
      std::make_unique<child_process>(std::vector<std::string>{HUBGATE_SIM_BIN, "reader", "--link",
                                                               link_, "--control", control_path_},
                                      dir_ / "sim.log");
  const bool up = wait_until([this] {
    auto socket = door::control_socket::connect(control_path_);
    if (!socket) return false;
    auto reply = socket->request("status", 2000);
    return reply && reply->rfind("ok", 0) == 0 && std::filesystem::exists(link_);
  });
  ASSERT_TRUE(up) << read_file(dir_ / "sim.log");
}

void door_rig::start_door(std::map<std::string, std::string> env) {
  ++door_starts_;
  door_ = std::make_unique<child_process>(
      std::vector<std::string>{HUBGATE_DOOR_BIN, "--config", config_path_}, dir_ / "door.log",
      std::move(env));
  const std::size_t starts_before = static_cast<std::size_t>(door_starts_ - 1);
  const bool started = wait_until([&] {
    const std::string log = door_log();
    std::size_t count = 0;
    for (auto at = log.find("\"event\":\"started\""); at != std::string::npos;
         at = log.find("\"event\":\"started\"", at + 1))
      ++count;
    return count > starts_before || !door_->running();
  });
  ASSERT_TRUE(started && door_->running()) << door_log();
  ASSERT_TRUE(wait_reader_polling()) << door_log();
}

void door_rig::stop_door(int signal) {
  door_->signal(signal);
  const auto status = door_->wait_exit(30);
  ASSERT_TRUE(status.has_value()) << "hubgate-door did not stop";
  EXPECT_TRUE(WIFEXITED(*status) && WEXITSTATUS(*status) == 0) << door_log();
}

void door_rig::kill_door() {
  door_->kill_hard();
}

protocol::access_list door_rig::standard_list() const {
  const auto now = now_seconds();
  protocol::access_list list;
  const auto card = [this](const std::string& uid) {
    return protocol::make_pseudonym(list_key_, uid_bytes(uid));
  };
  list.entries.push_back(
      {card(allowed_uid), "door-1", protocol::grant_source::booking, {{now - 3600, now + 3600}}});
  list.entries.push_back(
      {card(revoked_uid), "door-1", protocol::grant_source::booking, {{now - 3600, now + 3600}}});
  list.entries.push_back(
      {card(expired_uid), "door-1", protocol::grant_source::booking, {{now - 7200, now - 3600}}});
  list.revoked.push_back(card(revoked_uid));
  return list;
}

std::string door_rig::signed_list_text(const protocol::access_list& list,
                                       std::uint64_t sequence) const {
  protocol::envelope e;
  e.controller_id = "ctl-test";
  e.epoch = 1;
  e.sequence = sequence;
  e.issued_at = now_seconds();
  e.type = std::string(protocol::envelope_type::snapshot);
  e.payload = boost::json::serialize(protocol::to_json(list));
  return protocol::encode(protocol::sign(e, *signing_key_));
}

void door_rig::write_list_file(const std::string& text) {
  const std::string staging = list_path_ + ".new";
  write_text(staging, text);
  std::filesystem::rename(staging, list_path_);
}

std::string door_rig::control(const std::string& line) {
  auto socket = door::control_socket::connect(control_path_);
  EXPECT_TRUE(socket) << "cannot connect to the twin";
  if (!socket) return {};
  auto reply = socket->request(line, 10000);
  EXPECT_TRUE(reply) << line;
  return reply ? *reply : std::string();
}

std::vector<timeline_entry> door_rig::timeline() {
  std::vector<timeline_entry> entries;
  auto socket = door::control_socket::connect(control_path_);
  if (!socket || !socket->send_line("gpio")) return entries;
  while (auto line = socket->read_line(10000)) {
    if (line->rfind("ok", 0) == 0 || line->rfind("err", 0) == 0) break;
    std::istringstream in(*line);
    timeline_entry entry;
    if (in >> entry.ms >> entry.line >> entry.state) entries.push_back(entry);
  }
  return entries;
}

int door_rig::relay_pulses() {
  int pulses = 0;
  bool on = false;
  for (const auto& e : timeline()) {
    if (e.line != "relay") continue;
    if (e.state == "on") on = true;
    if (e.state == "off" && on) {
      ++pulses;
      on = false;
    }
  }
  return pulses;
}

std::vector<protocol::access_event> door_rig::events() {
  static int calls = 0;
  const std::string out = dir_ / ("events-" + std::to_string(++calls) + ".jsonl");
  child_process lister({HUBGATE_DOOR_BIN, "events", "--config", config_path_}, out);
  lister.wait_exit(30);
  std::vector<protocol::access_event> events;
  std::istringstream lines(read_file(out));
  for (std::string line; std::getline(lines, line);) {
    boost::system::error_code ec;
    auto value = boost::json::parse(line, ec);
    if (ec || !value.is_object() || !value.as_object().contains("kind")) continue;
    if (auto event = protocol::access_event_from_json(value)) events.push_back(*event);
  }
  std::filesystem::remove(out);
  return events;
}

std::vector<protocol::access_event> door_rig::events_of(protocol::event_kind kind) {
  std::vector<protocol::access_event> matching;
  for (auto& e : events())
    if (e.kind == kind) matching.push_back(std::move(e));
  return matching;
}

bool door_rig::wait_events(protocol::event_kind kind, std::size_t n,
                           std::chrono::milliseconds deadline) {
  return wait_until([&] { return events_of(kind).size() >= n; }, deadline,
                    std::chrono::milliseconds(100));
}

bool door_rig::wait_card_removed() {
  return wait_until([&] { return control("status").find("card=none") != std::string::npos; }) &&
         wait_reader_polling(20);
}

bool door_rig::wait_reader_polling(long polls) {
  const auto commands = [this]() -> long {
    const std::string status = control("status");
    const auto at = status.find("commands=");
    return at == std::string::npos ? -1 : std::stol(status.substr(at + 9));
  };
  const long before = commands();
  return wait_until([&] { return commands() > before + polls; });
}

std::string door_rig::door_log() const {
  return read_file(dir_ / "door.log");
}

std::string door_rig::uid_pseudonym_hex(const std::string& uid_hex) const {
  return protocol::to_hex(protocol::make_pseudonym(list_key_, uid_bytes(uid_hex)));
}

}  // namespace hubgate::test
