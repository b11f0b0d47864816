// `hubgate-sim reader` as a real process, driven through its CLI and control socket, read by
// libnfc's own nfc-list and nfc-poll and libfreefare's mifare-desfire-info.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <sstream>

#include "hardware/sim/control_client.hpp"
#include "sim_process.hpp"

namespace hubgate::sim::test {
namespace {

using hubgate::test::temp_dir;
using hubgate::test::wait_until;

TEST(sim_reader_process, nfc_list_prints_seven_byte_uid) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);
  ASSERT_EQ(sim.cli({"place", "--uid", "04A1B2C3D4E5F6"}).exit_code, 0);
  const run_result list = sim.libnfc_tool("nfc-list");
  EXPECT_NE(list.output.find("1 ISO14443A passive target(s) found"), std::string::npos)
      << list.output;
  EXPECT_NE(list.output.find("04  a1  b2  c3  d4  e5  f6"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("00  44"), std::string::npos) << list.output;
  const run_result status = sim.cli({"status"});
  EXPECT_NE(status.output.find("card=04A1B2C3D4E5F6"), std::string::npos) << status.output;
  EXPECT_EQ(status.output.find("commands=0"), std::string::npos) << status.output;
}

TEST(sim_reader_process, nfc_list_sees_four_byte_card_and_nothing_without_card) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);
  const run_result empty = sim.libnfc_tool("nfc-list");
  EXPECT_NE(empty.output.find("NFC device: user defined device opened"), std::string::npos)
      << empty.output;
  EXPECT_EQ(empty.output.find("UID (NFCID1)"), std::string::npos) << empty.output;
  ASSERT_EQ(sim.cli({"tap", "--uid", "AABBCCDD", "--hold", "60000"}).exit_code, 0);
  const run_result list = sim.libnfc_tool("nfc-list");
  EXPECT_NE(list.output.find("aa  bb  cc  dd"), std::string::npos) << list.output;
  EXPECT_NE(list.output.find("SAK (SEL_RES): 08"), std::string::npos) << list.output;
}

TEST(sim_reader_process, nfc_poll_finds_tapped_card_and_sees_it_leave) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);
  // nfc-poll waits for the card to be removed, which the tap's hold does.
  ASSERT_EQ(sim.cli({"tap", "--uid", "04A1B2C3D4E5F6", "--hold", "1500"}).exit_code, 0);
  const run_result poll = sim.libnfc_tool("nfc-poll");
  EXPECT_NE(poll.output.find("04  a1  b2  c3  d4  e5  f6"), std::string::npos) << poll.output;
  EXPECT_NE(poll.output.find("done."), std::string::npos) << poll.output;
  EXPECT_NE(sim.cli({"status"}).output.find("card=none"), std::string::npos);
}

TEST(sim_reader_process, gpio_timeline_inputs_and_subscribe) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);

  // A subscriber sees input changes as event lines.
  const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(fd, 0);
  sockaddr_un addr{};
  addr.sun_family = AF_UNIX;
  std::snprintf(addr.sun_path, sizeof addr.sun_path, "%s", sim.control().c_str());
  ASSERT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ASSERT_EQ(::write(fd, "subscribe\n", 10), 10);
  std::string events;
  auto receive = [&] {
    char buf[256];
    const ssize_t n = ::recv(fd, buf, sizeof buf, MSG_DONTWAIT);
    if (n > 0) events.append(buf, static_cast<std::size_t>(n));
  };
  ASSERT_TRUE(wait_until([&] {
    receive();
    return events == "ok\n";
  })) << events;

  EXPECT_EQ(sim.cli({"relay", "on"}).exit_code, 0);
  EXPECT_EQ(sim.cli({"door", "open"}).exit_code, 0);
  EXPECT_EQ(sim.cli({"door", "close"}).exit_code, 0);
  EXPECT_EQ(sim.cli({"button"}).exit_code, 0);

  const std::string expected_events =
      "ok\ninput door open\ninput door closed\ninput button pressed\ninput button released\n";
  ASSERT_TRUE(wait_until([&] {
    receive();
    return events.size() >= expected_events.size();
  })) << events;
  EXPECT_EQ(events, expected_events);
  ::close(fd);
  EXPECT_EQ(sim.cli({"relay", "off"}).exit_code, 0);

  const auto inputs = control_request(sim.control(), "get inputs");
  ASSERT_TRUE(inputs);
  EXPECT_EQ(inputs->back(), "ok door=closed button=released relay=off");

  const run_result gpio = sim.cli({"gpio"});
  ASSERT_EQ(gpio.exit_code, 0) << gpio.output;
  std::vector<std::string> kinds;
  std::istringstream in(gpio.output);
  std::string line;
  long last_ms = -1;
  while (std::getline(in, line)) {
    if (line == "ok") break;
    std::istringstream fields(line);
    long ms = 0;
    std::string what, state;
    fields >> ms >> what >> state;
    EXPECT_GE(ms, last_ms);
    last_ms = ms;
    kinds.push_back(what.append(" ").append(state));
  }
  EXPECT_EQ(kinds, (std::vector<std::string>{"relay on", "door open", "door closed",
                                             "button pressed", "button released", "relay off"}));
}

TEST(sim_reader_process, blank_desfire_is_read_by_mifare_desfire_info) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);
  ASSERT_EQ(sim.cli({"place", "--blank-desfire"}).exit_code, 0);
  const run_result info = sim.libnfc_tool("mifare-desfire-info");
  EXPECT_EQ(info.exit_code, 0) << info.output;
  EXPECT_NE(info.output.find("Vendor ID:            0x04"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("Master Key settings (0x0f)"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("Free memory: 7936 bytes"), std::string::npos) << info.output;
  EXPECT_NE(info.output.find("Use random UID: yes"), std::string::npos) << info.output;
  // Each card placed shows anticollision another random UID.
  const std::string first = sim.cli({"status"}).output;
  ASSERT_EQ(sim.cli({"tap", "--blank-desfire", "--hold", "60000"}).exit_code, 0);
  const std::string second = sim.cli({"status"}).output;
  EXPECT_NE(first.find("card=08"), std::string::npos) << first;
  EXPECT_NE(second.find("card=08"), std::string::npos) << second;
  EXPECT_NE(first, second);
}

TEST(sim_reader_process, client_errors_exit_non_zero) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);
  const run_result bad_uid = sim.cli({"tap", "--uid", "0102"});
  EXPECT_NE(bad_uid.exit_code, 0);
  EXPECT_NE(bad_uid.output.find("err"), std::string::npos) << bad_uid.output;
  EXPECT_NE(sim.cli({"fault", "explode"}).exit_code, 0);
  const auto unknown = control_request(sim.control(), "frobnicate");
  ASSERT_TRUE(unknown);
  EXPECT_TRUE(unknown->back().starts_with("err ")) << unknown->back();
  const run_result no_twin =
      run_command(dir, {HUBGATE_SIM_BIN, "status", "--control", dir / "nothing.sock"});
  EXPECT_NE(no_twin.exit_code, 0);
}

TEST(sim_reader_process, stops_cleanly_on_sigterm) {
  temp_dir dir("hubgate-sim");
  sim_reader_process sim(dir);
  sim.process().signal(SIGTERM);
  const auto status = sim.process().wait_exit(30);
  ASSERT_TRUE(status);
  ASSERT_TRUE(WIFEXITED(*status));
  EXPECT_EQ(WEXITSTATUS(*status), 0);
  EXPECT_FALSE(std::filesystem::exists(std::filesystem::symlink_status(sim.link())));
  EXPECT_FALSE(std::filesystem::exists(sim.control()));
}

}  // namespace
}  // namespace hubgate::sim::test
