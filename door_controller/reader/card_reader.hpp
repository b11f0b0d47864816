// The card reader as the door loop sees it: a source of debounced taps and of reader health
// changes. libnfc (nfc_card_reader) is one implementation; unit tests hand in small fakes.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace hubgate::door {

struct reader_event {
  enum class kind { tap, lost, recovered };
  kind what = kind::tap;
  std::vector<std::uint8_t> uid;  // card identifier bytes, only for taps
  std::string detail;             // why the reader was lost, for the log and the event
};

class card_reader {
 public:
  using sink = std::function<void(reader_event)>;
  virtual ~card_reader() = default;
  // Starts delivering events to `on_event`, from the reader's own thread.
  virtual void start(sink on_event) = 0;
  // Aborts any blocking reader call and joins the thread; no event is delivered afterwards.
  virtual void stop() = 0;
};

}  // namespace hubgate::door
