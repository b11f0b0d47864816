// Tap-to-relay latency through libnfc and the emulated PN532, and hubgate-door's resident
// memory: taps cards on hubgate-sim, reads the relay's timeline, prints p50/p99 and VmRSS.
// Usage: bench_door_tap_latency [taps [poll_ms]]   (defaults 200 and 5)
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <csignal>
#include <fstream>
#include <string>

#include "door_rig.hpp"
#include "hubgate/test/net_util.hpp"
#include "protocol/pseudonym.hpp"

namespace {

using namespace hubgate;
using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point origin, clock_type::time_point t) {
  return std::chrono::duration<double, std::milli>(t - origin).count();
}

long relay_on_count(test::door_rig& rig, long* last_on_ms) {
  long count = 0;
  for (const auto& e : rig.timeline())
    if (e.line == "relay" && e.state == "on") {
      ++count;
      *last_on_ms = e.ms;
    }
  return count;
}

long reader_commands(test::door_rig& rig) {
  const std::string status = rig.control("status");
  const auto at = status.find("commands=");
  return at == std::string::npos ? 0 : std::stol(status.substr(at + 9));
}

long vm_rss_kb(pid_t pid) {
  std::ifstream status("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

double percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

}  // namespace

int main(int argc, char** argv) {
  const int taps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 200;
  const int poll_ms = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
  test::door_rig rig({.unlock_ms = 100, .held_open_ms = 60'000, .poll_ms = poll_ms});
  rig.start_sim();
  rig.start_door();

  // A distinct card per tap, so no tap waits out the debounce of the one before.
  protocol::access_list list = rig.standard_list();
  std::vector<std::string> uids;
  const auto window = list.entries.front().windows;
  for (int i = 0; i < taps; ++i) {
    uids.push_back(fmt::format("04{:06X}", 0x100000 + i));
    auto card = protocol::parse_pseudonym(rig.uid_pseudonym_hex(uids.back()));
    list.entries.push_back({*card, "door-1", protocol::grant_source::booking, window});
  }
  rig.write_list_file(rig.signed_list_text(list, 2));
  if (!rig.wait_events(protocol::event_kind::list_accepted, 2)) {
    fmt::print(stderr, "the list was not accepted\n{}", rig.door_log());
    return 1;
  }

  // The twin stamps its timeline in ms since it started; a door movement, timed from here,
  // gives the offset between the two clocks (to within its round trip).
  const auto origin = clock_type::now();
  const auto before = clock_type::now();
  rig.control("door open");
  const auto after = clock_type::now();
  long door_ms = -1;
  for (const auto& e : rig.timeline())
    if (e.line == "door" && e.state == "open") door_ms = e.ms;
  rig.control("door close");
  const double offset = (ms_since(origin, before) + ms_since(origin, after)) / 2 - door_ms;

  std::vector<double> latencies;
  long last_on = -1;
  long seen = relay_on_count(rig, &last_on);
  for (const auto& uid : uids) {
    const double sent = ms_since(origin, clock_type::now());
    rig.control("tap " + uid + " 60");
    const bool pulsed = test::wait_until([&] { return relay_on_count(rig, &last_on) > seen; },
                                         std::chrono::seconds(10), std::chrono::milliseconds(2));
    if (!pulsed) {
      fmt::print(stderr, "no relay pulse for {}\n", uid);
      return 1;
    }
    ++seen;
    latencies.push_back(static_cast<double>(last_on) + offset - sent);
    test::wait_until([&] { return rig.control("status").find("card=none") != std::string::npos; },
                     std::chrono::seconds(10), std::chrono::milliseconds(2));
    test::wait_until([&] { return rig.relay_pulses() >= seen; }, std::chrono::seconds(10),
                     std::chrono::milliseconds(2));
  }
  const long rss = vm_rss_kb(rig.door().pid());
  const long commands_before = reader_commands(rig);
  const auto measured_from = clock_type::now();
  test::wait_until([&] { return clock_type::now() - measured_from > std::chrono::seconds(1); },
                   std::chrono::seconds(2), std::chrono::milliseconds(50));
  const double idle_polls_per_s = static_cast<double>(reader_commands(rig) - commands_before) /
                                  (ms_since(measured_from, clock_type::now()) / 1000.0);
  fmt::print("reader poll_ms={} idle_commands_per_s={:.0f}\n", poll_ms, idle_polls_per_s);
  fmt::print("tap_to_relay_ms taps={} p50={:.1f} p90={:.1f} p99={:.1f} max={:.1f}\n",
             latencies.size(), percentile(latencies, 0.5), percentile(latencies, 0.9),
             percentile(latencies, 0.99), *std::max_element(latencies.begin(), latencies.end()));
  fmt::print("hubgate_door_vm_rss_kb {} ({:.1f} MB)\n", rss, static_cast<double>(rss) / 1024.0);
  rig.stop_door(SIGTERM);
  return 0;
}
