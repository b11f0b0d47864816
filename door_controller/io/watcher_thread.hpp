// The thread that watches a door's inputs, with a self-pipe so that stop() wakes it from a
// blocking poll at once. Shared by the libgpiod and the twin adapters.
#pragma once
#include <atomic>
#include <chrono>
#include <functional>
#include <thread>

namespace hubgate::door {

class watcher_thread {
 public:
  watcher_thread();
  // Stops the thread first: the pipe must outlive every poll on it.
  ~watcher_thread();
  watcher_thread(const watcher_thread&) = delete;
  watcher_thread& operator=(const watcher_thread&) = delete;

  bool running() const { return thread_.joinable(); }
  // Runs body on the thread; body returns once stopping() or the stop fd is readable.
  void start(std::function<void()> body);
  // Wakes the thread through the pipe and joins it; a no-op when not running.
  void stop();

  bool stopping() const { return stopping_; }
  // Readable once stop() was called: poll it beside the inputs.
  int stop_fd() const { return stop_pipe_[0]; }
  // Sleeps up to how_long; true when stop() was called meanwhile.
  bool wait_stop(std::chrono::milliseconds how_long) const;

 private:
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  int stop_pipe_[2] = {-1, -1};
};

}  // namespace hubgate::door
