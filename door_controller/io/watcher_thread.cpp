#include "door_controller/io/watcher_thread.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace hubgate::door {

watcher_thread::watcher_thread() {
  if (::pipe2(stop_pipe_, O_CLOEXEC) != 0) stop_pipe_[0] = stop_pipe_[1] = -1;
}

watcher_thread::~watcher_thread() {
  stop();
  for (int fd : stop_pipe_)
    if (fd >= 0) ::close(fd);
}

void watcher_thread::start(std::function<void()> body) {
  if (thread_.joinable()) return;
  thread_ = std::thread(std::move(body));
}

void watcher_thread::stop() {
  if (!thread_.joinable()) return;
  stopping_ = true;
  const char byte = 1;
  [[maybe_unused]] const auto n = ::write(stop_pipe_[1], &byte, 1);
  thread_.join();
}

bool watcher_thread::wait_stop(std::chrono::milliseconds how_long) const {
  pollfd fd{stop_pipe_[0], POLLIN, 0};
  return ::poll(&fd, 1, static_cast<int>(how_long.count())) > 0 || stopping_;
}

}  // namespace hubgate::door
