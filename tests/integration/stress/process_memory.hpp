// The resident memory of a process, read from /proc, and a sampler that records its peak
// while an abuse test runs (the bound is asserted, the figure printed).
#pragma once
#include <sys/types.h>

#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <thread>

namespace hubgate::stress {

// VmRSS of `pid` in KiB, or nullopt when the process is gone.
std::optional<std::uint64_t> resident_kib(pid_t pid);

class rss_sampler {
 public:
  explicit rss_sampler(pid_t pid);
  ~rss_sampler();
  rss_sampler(const rss_sampler&) = delete;
  rss_sampler& operator=(const rss_sampler&) = delete;

  // Stops sampling (idempotent) and returns the peak seen, in KiB.
  std::uint64_t stop();
  std::uint64_t peak_kib() const;

 private:
  void run();

  pid_t pid_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::uint64_t peak_ = 0;
  std::thread thread_;
};

}  // namespace hubgate::stress
