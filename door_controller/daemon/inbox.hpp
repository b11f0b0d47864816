// The door daemon's single input queue: the reader, door I/O, link and signal threads push,
// the loop thread pops with a deadline, so all door logic and storage run on one thread.
#pragma once
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <variant>

#include "door_controller/io/door_io.hpp"
#include "door_controller/link/link_client.hpp"
#include "door_controller/reader/card_reader.hpp"

namespace hubgate::door {

struct signal_received {
  int number = 0;
};

class inbox {
 public:
  using item = std::variant<reader_event, io_event, signal_received, link_input>;

  void push(item value) {
    {
      std::lock_guard lock(mutex_);
      items_.push_back(std::move(value));
    }
    ready_.notify_one();
  }

  // The oldest item, or nullopt once `deadline` passed with nothing queued.
  std::optional<item> pop_until(std::optional<std::chrono::steady_clock::time_point> deadline) {
    std::unique_lock lock(mutex_);
    const auto has_items = [this] { return !items_.empty(); };
    if (deadline)
      ready_.wait_until(lock, *deadline, has_items);
    else
      ready_.wait(lock, has_items);
    if (items_.empty()) return std::nullopt;
    item front = std::move(items_.front());
    items_.pop_front();
    return front;
  }

 private:
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<item> items_;
};

}  // namespace hubgate::door
