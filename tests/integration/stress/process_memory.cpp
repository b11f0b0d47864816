#include "process_memory.hpp"

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

namespace hubgate::stress {

std::optional<std::uint64_t> resident_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) != 0) continue;
    std::istringstream fields(line.substr(6));
    std::uint64_t kib = 0;
    if (fields >> kib) return kib;
  }
  return std::nullopt;
}

rss_sampler::rss_sampler(pid_t pid) : pid_(pid), thread_([this] { run(); }) {}

rss_sampler::~rss_sampler() {
  stop();
}

void rss_sampler::run() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    lock.unlock();
    const auto now = resident_kib(pid_);
    lock.lock();
    if (now && *now > peak_) peak_ = *now;
    // The sampling period; stop() wakes it at once.
    wake_.wait_for(lock, std::chrono::milliseconds(100), [this] { return stopping_; });
  }
}

std::uint64_t rss_sampler::stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
  return peak_kib();
}

std::uint64_t rss_sampler::peak_kib() const {
  std::lock_guard lock(mutex_);
  return peak_;
}

}  // namespace hubgate::stress
