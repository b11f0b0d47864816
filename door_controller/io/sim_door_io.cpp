#include "door_controller/io/sim_door_io.hpp"

#include <algorithm>
#include <chrono>
#include <mutex>
#include <optional>

#include "door_controller/io/control_socket.hpp"
#include "door_controller/io/io_error.hpp"
#include "door_controller/io/watcher_thread.hpp"
#include "protocol/backoff/backoff.hpp"

namespace hubgate::door {
namespace {

std::optional<io_event::kind> parse_input_line(const std::string& line) {
  if (line == "input door open") return io_event::kind::door_opened;
  if (line == "input door closed") return io_event::kind::door_closed;
  if (line == "input button pressed") return io_event::kind::button_pressed;
  if (line == "input button released") return io_event::kind::button_released;
  return std::nullopt;
}

class sim_door_io final : public door_io {
 public:
  explicit sim_door_io(std::string control_path) : path_(std::move(control_path)) {}
  ~sim_door_io() override { stop(); }

  void start(sink on_event) override {
    if (watcher_.running()) return;
    sink_ = std::move(on_event);
    {
      // Connected ahead of the first unlock, so that one is not slowed by the connect.
      std::lock_guard lock(command_mutex_);
      if (auto connected = control_socket::connect(path_)) command_ = std::move(*connected);
    }
    watcher_.start([this] { watch(); });
  }

  void stop() override { watcher_.stop(); }

  boost::system::result<void> set_relay(bool on) override {
    std::lock_guard lock(command_mutex_);
    const char* line = on ? "set relay on" : "set relay off";
    // One retry on a fresh connection covers a twin that restarted since the last command.
    for (int attempt = 0; attempt < 2; ++attempt) {
      if (!command_.is_open()) {
        auto connected = control_socket::connect(path_);
        if (!connected) return connected.error();
        command_ = std::move(*connected);
      }
      auto reply = command_.request(line);
      if (!reply) {
        command_.close();
        continue;
      }
      if (reply->rfind("ok", 0) != 0) return io_errc::bad_reply;
      return {};
    }
    return io_errc::write_failed;
  }

 private:
  void watch() {
    backoff delay(std::chrono::milliseconds(50), std::chrono::milliseconds(2000));
    bool reported_lost = false;
    while (!watcher_.stopping()) {
      auto subscribed = subscribe();
      if (!subscribed) {
        if (!reported_lost) emit({io_event::kind::lost, false, "cannot subscribe to " + path_});
        reported_lost = true;
        if (watcher_.wait_stop(delay.next())) return;
        continue;
      }
      delay.reset();
      if (reported_lost) emit({io_event::kind::recovered, false, {}});
      reported_lost = false;
      while (!watcher_.stopping()) {
        auto line = subscribed->read_line(-1, watcher_.stop_fd());
        if (!line) break;
        if (auto kind = parse_input_line(*line)) emit({*kind, false, {}});
      }
      if (!watcher_.stopping()) {
        emit({io_event::kind::lost, false, "subscription to " + path_ + " ended"});
        reported_lost = true;
      }
    }
  }

  // Subscribes, then reads the current inputs on a second connection so that the door's state
  // is known from the start; changes in between are already on the subscription.
  boost::system::result<control_socket> subscribe() {
    auto socket = control_socket::connect(path_);
    if (!socket) return socket.error();
    auto reply = socket->request("subscribe");
    if (!reply || reply->rfind("ok", 0) != 0) return io_errc::bad_reply;
    if (auto query = control_socket::connect(path_)) {
      if (auto inputs = query->request("get inputs"); inputs && inputs->rfind("ok", 0) == 0) {
        const bool open = inputs->find("door=open") != std::string::npos;
        emit({open ? io_event::kind::door_opened : io_event::kind::door_closed, true, {}});
      }
    }
    return socket;
  }

  void emit(io_event event) {
    if (!watcher_.stopping() && sink_) sink_(std::move(event));
  }

  std::string path_;
  sink sink_;
  watcher_thread watcher_;
  std::mutex command_mutex_;
  control_socket command_;
};

}  // namespace

std::unique_ptr<door_io> make_sim_door_io(const io_options& options) {
  return std::make_unique<sim_door_io>(options.sim_control);
}

}  // namespace hubgate::door
