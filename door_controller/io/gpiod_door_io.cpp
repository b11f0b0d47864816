#include "door_controller/io/gpiod_door_io.hpp"

#include <gpiod.h>
#include <poll.h>

#include "door_controller/io/io_error.hpp"
#include "door_controller/io/watcher_thread.hpp"

namespace hubgate::door {
namespace {

constexpr const char* consumer = "hubgate-door";

int flags_for(const gpio_line& line) {
  return line.active_low ? GPIOD_LINE_REQUEST_FLAG_ACTIVE_LOW : 0;
}

class gpiod_door_io final : public door_io {
 public:
  gpiod_door_io(gpiod_chip* chip, gpiod_line* relay, gpiod_line* door, gpiod_line* button)
      : chip_(chip), relay_(relay), door_(door), button_(button) {}
  ~gpiod_door_io() override {
    stop();
    gpiod_chip_close(chip_);  // releases the requested lines too
  }

  void start(sink on_event) override {
    if (watcher_.running()) return;
    sink_ = std::move(on_event);
    const int value = gpiod_line_get_value(door_);
    if (value >= 0)
      sink_({value == 1 ? io_event::kind::door_opened : io_event::kind::door_closed, true, {}});
    watcher_.start([this] { watch(); });
  }

  void stop() override { watcher_.stop(); }

  boost::system::result<void> set_relay(bool on) override {
    if (gpiod_line_set_value(relay_, on ? 1 : 0) != 0) return io_errc::line_failed;
    return {};
  }

 private:
  void watch() {
    pollfd fds[3] = {{gpiod_line_event_get_fd(door_), POLLIN, 0},
                     {gpiod_line_event_get_fd(button_), POLLIN, 0},
                     {watcher_.stop_fd(), POLLIN, 0}};
    while (!watcher_.stopping()) {
      if (::poll(fds, 3, -1) < 0) continue;
      if ((fds[2].revents & POLLIN) != 0) return;
      gpiod_line_event event{};
      if ((fds[0].revents & POLLIN) != 0 && gpiod_line_event_read(door_, &event) == 0)
        emit(event.event_type == GPIOD_LINE_EVENT_RISING_EDGE ? io_event::kind::door_opened
                                                              : io_event::kind::door_closed);
      if ((fds[1].revents & POLLIN) != 0 && gpiod_line_event_read(button_, &event) == 0)
        emit(event.event_type == GPIOD_LINE_EVENT_RISING_EDGE ? io_event::kind::button_pressed
                                                              : io_event::kind::button_released);
    }
  }

  void emit(io_event::kind kind) {
    if (!watcher_.stopping() && sink_) sink_({kind, false, {}});
  }

  gpiod_chip* chip_;
  gpiod_line* relay_;
  gpiod_line* door_;
  gpiod_line* button_;
  sink sink_;
  watcher_thread watcher_;
};

}  // namespace

boost::system::result<std::unique_ptr<door_io>> make_gpiod_door_io(const io_options& options) {
  gpiod_chip* chip = gpiod_chip_open_lookup(options.chip.c_str());
  if (chip == nullptr) return io_errc::connect_failed;
  gpiod_line* relay = gpiod_chip_get_line(chip, options.relay.offset);
  gpiod_line* door = gpiod_chip_get_line(chip, options.door.offset);
  gpiod_line* button = gpiod_chip_get_line(chip, options.button.offset);
  // The relay starts released so that a restart never leaves the door unlocked.
  const bool requested =
      relay != nullptr && door != nullptr && button != nullptr &&
      gpiod_line_request_output_flags(relay, consumer, flags_for(options.relay), 0) == 0 &&
      gpiod_line_request_both_edges_events_flags(door, consumer, flags_for(options.door)) == 0 &&
      gpiod_line_request_both_edges_events_flags(button, consumer, flags_for(options.button)) == 0;
  if (!requested) {
    gpiod_chip_close(chip);
    return io_errc::line_failed;
  }
  return std::unique_ptr<door_io>(new gpiod_door_io(chip, relay, door, button));
}

}  // namespace hubgate::door
