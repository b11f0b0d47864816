#include "door_controller/reader/nfc_card_reader.hpp"

#include <nfc/nfc.h>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

#include "door_controller/reader/tap_debouncer.hpp"
#include "protocol/backoff/backoff.hpp"

namespace hubgate::door {
namespace {

class nfc_card_reader final : public card_reader {
 public:
  explicit nfc_card_reader(reader_options options)
      : options_(std::move(options)), debouncer_(options_.debounce, options_.rearm) {}
  ~nfc_card_reader() override { stop(); }

  void start(sink on_event) override {
    if (thread_.joinable()) return;
    sink_ = std::move(on_event);
    stopping_ = false;
    thread_ = std::thread([this] { run(); });
    supervisor_ = std::thread([this] { supervise(); });
  }

  void stop() override {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
      // Cuts short a libnfc call blocked on the device; the poll loop then sees stopping_.
      if (device_ != nullptr) nfc_abort_command(device_);
    }
    wake_.notify_all();
    if (thread_.joinable()) thread_.join();
    if (supervisor_.joinable()) supervisor_.join();
  }

 private:
  void run() {
    nfc_context* context = nullptr;
    nfc_init(&context);
    if (context == nullptr) {
      emit({reader_event::kind::lost, {}, "libnfc could not be initialised"});
      return;
    }
    backoff delay(options_.backoff_min, options_.backoff_max);
    bool reported_lost = false;
    while (!stopping_) {
      if (device() == nullptr) {
        std::string why;
        if (!open_device(context, why)) {
          if (!reported_lost) emit({reader_event::kind::lost, {}, why});
          reported_lost = true;
          pause(delay.next());
          continue;
        }
        delay.reset();
        if (reported_lost) emit({reader_event::kind::recovered, {}, {}});
        reported_lost = false;
      }
      std::string why;
      if (!poll_once(why)) {
        if (++consecutive_errors_ >= options_.max_consecutive_errors && !stopping_) {
          close_device();
          emit({reader_event::kind::lost, {}, why});
          reported_lost = true;
          pause(delay.next());
          continue;
        }
      } else {
        consecutive_errors_ = 0;
      }
      pause(options_.poll_interval);
    }
    close_device();
    nfc_exit(context);
  }

  bool open_device(nfc_context* context, std::string& why) {
    nfc_device* dev = nfc_open(context, options_.connstring.c_str());
    if (dev == nullptr) {
      why = "cannot open " + options_.connstring;
      return false;
    }
    if (nfc_initiator_init(dev) < 0 ||
        nfc_device_set_property_bool(dev, NP_INFINITE_SELECT, false) < 0) {
      why = std::string("cannot initialise reader: ") + nfc_strerror(dev);
      nfc_close(dev);
      return false;
    }
    // Only the UID is read for now; skipping RATS keeps ISO 14443-4 cards to one exchange.
    nfc_device_set_property_bool(dev, NP_AUTO_ISO14443_4, false);
    std::lock_guard lock(mutex_);
    if (stopping_) {
      nfc_close(dev);
      return false;
    }
    device_ = dev;
    consecutive_errors_ = 0;
    debouncer_.reset();
    return true;
  }

  // A wedged reader (a call that never returns) is aborted, then counts as a failed call.
  void supervise() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
      wake_.wait_for(lock, std::chrono::milliseconds(50), [this] { return stopping_.load(); });
      if (in_call_ && device_ != nullptr &&
          std::chrono::steady_clock::now() - call_started_ > options_.call_timeout) {
        nfc_abort_command(device_);
        in_call_ = false;
      }
    }
  }

  void begin_call() {
    std::lock_guard lock(mutex_);
    in_call_ = true;
    call_started_ = std::chrono::steady_clock::now();
  }

  void end_call() {
    std::lock_guard lock(mutex_);
    in_call_ = false;
  }

  // One selection attempt; false when the reader call failed.
  bool poll_once(std::string& why) {
    nfc_device* dev = device();
    const nfc_modulation modulation{NMT_ISO14443A, NBR_106};
    nfc_target target{};
    begin_call();
    const int found = nfc_initiator_select_passive_target(dev, modulation, nullptr, 0, &target);
    end_call();
    const auto now = std::chrono::steady_clock::now();
    if (found < 0) {
      if (stopping_) return true;
      why = found == NFC_EOPABORTED ? std::string("reader call timed out")
                                    : std::string("reader error: ") + nfc_strerror(dev);
      return false;
    }
    std::optional<tap_debouncer::uid> seen;
    if (found > 0) {
      const auto& info = target.nti.nai;
      // libnfc's target structs are packed: copy the length out instead of binding to it.
      const std::size_t uid_length = info.szUidLen;
      const std::size_t length = std::min(uid_length, sizeof info.abtUid);
      seen.emplace(info.abtUid, info.abtUid + length);
    }
    // The tap goes out before the card is released, so the door does not wait on the reader.
    if (auto tap = debouncer_.observe(seen, now)) emit({reader_event::kind::tap, *tap, {}});
    // Halting the card lets the next poll tell whether it is still in the field.
    if (found > 0) {
      begin_call();
      nfc_initiator_deselect_target(dev);
      end_call();
    }
    return true;
  }

  nfc_device* device() {
    std::lock_guard lock(mutex_);
    return device_;
  }

  void close_device() {
    nfc_device* dev = nullptr;
    {
      std::lock_guard lock(mutex_);
      dev = device_;
      device_ = nullptr;
    }
    if (dev != nullptr) nfc_close(dev);
  }

  void pause(std::chrono::milliseconds how_long) {
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, how_long, [this] { return stopping_.load(); });
  }

  void emit(reader_event event) {
    if (!stopping_ && sink_) sink_(std::move(event));
  }

  reader_options options_;
  tap_debouncer debouncer_;
  sink sink_;
  std::thread thread_;
  std::thread supervisor_;
  // Guards device_ against an abort of a device being closed, and the call bookkeeping.
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
  nfc_device* device_ = nullptr;
  bool in_call_ = false;
  std::chrono::steady_clock::time_point call_started_{};
  int consecutive_errors_ = 0;
};

}  // namespace

std::unique_ptr<card_reader> make_nfc_card_reader(reader_options options) {
  return std::make_unique<nfc_card_reader>(std::move(options));
}

}  // namespace hubgate::door
