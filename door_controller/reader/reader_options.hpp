// Tunables of the libnfc reader adapter, filled from the daemon's configuration; every duration
// is configurable so tests can run them short.
#pragma once
#include <chrono>
#include <string>

namespace hubgate::door {

struct reader_options {
  std::string connstring = "pn532_uart:/dev/ttyS0";
  std::chrono::milliseconds poll_interval{5};
  // A card that vanishes for less than this and comes back is still the same tap.
  std::chrono::milliseconds debounce{150};
  // A card held continuously taps again after this long; zero means never.
  std::chrono::milliseconds rearm{0};
  std::chrono::milliseconds backoff_min{100};
  std::chrono::milliseconds backoff_max{5000};
  // Consecutive failed reader calls before the reader counts as lost and is reopened.
  int max_consecutive_errors = 3;
  // A single reader call running longer than this is aborted as a wedged reader.
  std::chrono::milliseconds call_timeout{2000};
};

}  // namespace hubgate::door
