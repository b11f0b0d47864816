// Turns a stream of reader observations (which card, if any, is on the reader right now) into
// taps: a card held on the reader is one tap until it has been gone for the debounce time.
#pragma once
#include <chrono>
#include <cstdint>
#include <optional>
#include <vector>

namespace hubgate::door {

class tap_debouncer {
 public:
  using uid = std::vector<std::uint8_t>;
  using time_point = std::chrono::steady_clock::time_point;

  tap_debouncer(std::chrono::milliseconds debounce, std::chrono::milliseconds rearm)
      : debounce_(debounce), rearm_(rearm) {}

  // Feeds what the reader saw at `now` (nullopt: no card); returns a uid when this is a new tap.
  std::optional<uid> observe(const std::optional<uid>& seen, time_point now);

  // Forgets the current card, e.g. after the reader was reopened.
  void reset() { current_.reset(); }

 private:
  std::chrono::milliseconds debounce_;
  std::chrono::milliseconds rearm_;
  std::optional<uid> current_;  // the card of the last tap while it is (nearly) present
  time_point last_seen_{};
  time_point tapped_at_{};
};

}  // namespace hubgate::door
