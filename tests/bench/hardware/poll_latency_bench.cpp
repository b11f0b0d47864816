// How quickly a host polling through libnfc sees a card placed on the emulated reader, and
// how often libnfc's presence loop runs against it (it must not spin).
#include <fmt/format.h>
#include <nfc/nfc.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <thread>
#include <vector>

#include "hardware/sim/reader_twin.hpp"

using namespace std::chrono_literals;
using hubgate::sim::make_card;
using hubgate::sim::reader_twin;
using hubgate::sim::sim_clock;

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 30;
  const auto dir =
      std::filesystem::temp_directory_path() / fmt::format("hubgate-bench-{}", ::getpid());
  std::filesystem::create_directories(dir);
  hubgate::sim::twin_options options;
  options.link_path = (dir / "reader").string();
  reader_twin twin(options);
  if (!twin.start()) return 1;
  nfc_context* ctx = nullptr;
  nfc_init(&ctx);
  nfc_device* dev = nfc_open(ctx, ("pn532_uart:" + options.link_path).c_str());
  if (!dev || nfc_initiator_init(dev) < 0) return 1;

  const nfc_modulation mods[] = {{NMT_ISO14443A, NBR_106}};
  std::vector<double> latencies_ms;
  for (int i = 0; i < rounds; ++i) {
    twin.remove_card();
    std::atomic<bool> done{false};
    sim_clock::time_point found_at;
    std::thread poller([&] {
      nfc_target t{};
      if (nfc_initiator_poll_target(dev, mods, 1, 0xFF, 1, &t) == 1) found_at = sim_clock::now();
      done = true;
    });
    while (!twin.status().chip_busy && !done) std::this_thread::sleep_for(1ms);
    std::this_thread::sleep_for(std::chrono::milliseconds(3 + i % 7));  // tap at a random phase
    const auto placed_at = sim_clock::now();
    twin.place_card(make_card({0x04, 0x10, 0x20, 0x30, 0x40, 0x50, static_cast<std::uint8_t>(i)}));
    poller.join();
    latencies_ms.push_back(std::chrono::duration<double, std::milli>(found_at - placed_at).count());
  }
  std::sort(latencies_ms.begin(), latencies_ms.end());
  fmt::print("poll-to-detect over {} taps: min {:.1f} ms, median {:.1f} ms, max {:.1f} ms\n",
             rounds, latencies_ms.front(), latencies_ms[latencies_ms.size() / 2],
             latencies_ms.back());

  // Presence checks per second while the card stays on the reader.
  const auto start = sim_clock::now();
  int checks = 0;
  while (sim_clock::now() - start < 1s && nfc_initiator_target_is_present(dev, nullptr) == 0)
    ++checks;
  fmt::print("presence checks: {} per second\n", checks);

  nfc_close(dev);
  nfc_exit(ctx);
  twin.stop();
  std::filesystem::remove_all(dir);
  return 0;
}
